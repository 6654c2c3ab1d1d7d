package ai.zerog.compute.cli;

import picocli.CommandLine.Option;

/** The required {@code --component} and {@code --filename} of the commands that read one broker log file. */
final class LogFileOptions {
    @Option(names = "--component", paramLabel = "<broker|event>", required = true, description = "broker or event")
    String component;

    @Option(names = "--filename", paramLabel = "<name>", required = true, description = "File name as list-logs shows it")
    String filename;

    /** The component, checked: one of broker or event. */
    String component() {
        LogComponent.check(component, false);
        return component;
    }

    String filename() {
        return filename;
    }
}
