package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.List;

/** Where a devnet keeps its state inside its data folder; {@code reset} deletes exactly these. */
record DevnetFiles(Path dataDir) {
    DevnetFiles {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** {@code ~/.0g-compute-cli/devnet}, the default data folder. */
    static Path defaultDataDir(CliEnvironment environment) {
        return environment.configDir().resolve("devnet");
    }

    Path anvilState() {
        return dataDir.resolve("anvil-state.json");
    }

    Path anvilLog() {
        return dataDir.resolve("anvil.log");
    }

    Path networkProfile() {
        return dataDir.resolve("network.json");
    }

    Path providersDir() {
        return dataDir.resolve("providers");
    }

    Path providerDir(DevService service) {
        return providersDir().resolve(service.serviceType());
    }

    /** The summary and the mnemonic (mode 600): what {@code status} prints and the CLI signs with. */
    Path stateFile() {
        return dataDir.resolve("devnet.json");
    }

    /** Present while {@code devnet up} serves: its pid, so {@code down} can stop it. */
    Path runFile() {
        return dataDir.resolve("devnet.pid");
    }

    /** The output of a detached {@code up}. */
    Path detachedLog() {
        return dataDir.resolve("devnet.log");
    }

    List<Path> all() {
        return List.of(anvilState(), anvilLog(), networkProfile(), providersDir(), stateFile(), runFile(), detachedLog());
    }
}
