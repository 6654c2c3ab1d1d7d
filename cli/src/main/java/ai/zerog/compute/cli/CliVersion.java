package ai.zerog.compute.cli;

import picocli.CommandLine.IVersionProvider;

/** The bare version, as the official CLI prints it for {@code -V}. */
final class CliVersion implements IVersionProvider {
    static final String VERSION = "0.9.0";

    @Override
    public String[] getVersion() {
        return new String[] {VERSION};
    }
}
