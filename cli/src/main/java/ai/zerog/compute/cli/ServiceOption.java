package ai.zerog.compute.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --service <type>} of the sub-account commands. Only {@code inference} exists here
 * (fine-tuning is not part of this CLI), so it is also the default: scripts never meet the
 * official CLI's "Select service type" prompt.
 */
public final class ServiceOption {
    @Option(names = "--service", paramLabel = "<type>", description = "Service type: inference (default)")
    String service;

    /** Refuses anything but {@code inference}. */
    public void requireInference() {
        if (service == null || service.isBlank() || service.strip().toLowerCase(Locale.ROOT).equals("inference")) {
            return;
        }
        if (service.strip().toLowerCase(Locale.ROOT).equals("fine-tuning")) {
            throw new CliFailure("fine-tuning sub-accounts are not supported by this CLI",
                    "Use --service inference (the default), or the official CLI for fine-tuning.");
        }
        throw new CliFailure("unknown service type '" + service + "'", "Use --service inference.");
    }
}
