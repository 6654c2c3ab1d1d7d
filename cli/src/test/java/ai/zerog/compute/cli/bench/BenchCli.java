package ai.zerog.compute.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the two CLIs under test, run as a user runs it: the command that starts it and the HOME
 * that holds its wallet and network. Ours runs the fat jar with the JVM flags of
 * {@code bin/0g-compute-cli} (an AppCDS archive recorded from {@code StartupTraining}, see
 * {@link #recordArchive}), but without the launcher's rebuild check, so an edit elsewhere cannot
 * start a build mid-run.
 */
record BenchCli(String name, List<String> launcher, Path home) {

    static BenchCli ours(Path java, Path jar, Path archive, List<String> jvmFlags, Path home) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString()));
        return new BenchCli("ours", command, home);
    }

    /** The command that records {@code archive} from the start-up training, as the launcher does once per build. */
    static List<String> recordArchive(Path java, Path jar, Path archive) {
        return List.of(java.toString(), "-XX:ArchiveClassesAtExit=" + archive, "-XX:TieredStopAtLevel=1",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jar.toString(),
                "ai.zerog.compute.cli.StartupTraining");
    }

    /** The same CLI with one more JVM flag (before {@code -jar}); the official one is returned as is. */
    BenchCli withJvmFlag(String flag) {
        int jar = launcher.indexOf("-jar");
        if (jar < 0) {
            return this;
        }
        List<String> command = new ArrayList<>(launcher);
        command.add(jar, flag);
        return new BenchCli(name, List.copyOf(command), home);
    }

    static BenchCli official(Path bin, Path home) {
        return new BenchCli("official", List.of(bin.toString()), home);
    }

    List<String> command(String... args) {
        return command(List.of(args));
    }

    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(args);
        return command;
    }
}
