package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir}: where the devnet keeps its state. Without it: the folder of the devnet the
 * CLI uses now (the last {@code devnet up}), else {@code ~/.0g-compute-cli/devnet}.
 */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "Folder with the devnet's chain, provider keys and fees (default: the active devnet's,"
                    + " else ~/.0g-compute-cli/devnet)")
    Path dataDir;

    DevnetFiles files(CliEnvironment environment) {
        if (dataDir == null) {
            return new DevnetFiles(DevnetState.active(environment).map(DevnetState::dataDir)
                    .orElseGet(() -> DevnetFiles.defaultDataDir(environment)));
        }
        Path dir = dataDir;
        if (dir.startsWith("~")) {
            dir = environment.home().resolve(dir.subpath(0, 1).relativize(dir));
        }
        return new DevnetFiles(dir);
    }
}
