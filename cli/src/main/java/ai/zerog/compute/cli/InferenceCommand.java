package ai.zerog.compute.cli;

import ai.zerog.compute.cli.serve.RouterServeCommand;
import ai.zerog.compute.cli.serve.ServeCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inference} (alias {@code inf}): providers, API keys, verification, the local proxy, and provider-side service commands. */
@Command(name = "inference", aliases = "inf", mixinStandardHelpOptions = true,
        description = "Inference: providers, API keys, verification, local proxy, provider service")
final class InferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static CommandLine commandLine() {
        CommandLine group = new CommandLine(new InferenceCommand());
        group.addSubcommand(new ListProvidersCommand());
        group.addSubcommand(new GetModelsCommand());
        group.addSubcommand(new ListProvidersDetailCommand());
        group.addSubcommand(new AcknowledgeProviderCommand());
        group.addSubcommand(new RemoveServiceCommand());
        group.addSubcommand(new UpdateServiceCommand());
        group.addSubcommand(new ServeCommand());
        group.addSubcommand(new RouterServeCommand());
        group.addSubcommand(new DownloadReportCommand());
        group.addSubcommand(new VerifyCommand());
        group.addSubcommand(new GetSecretCommand());
        group.addSubcommand(new RevokeTokenCommand());
        group.addSubcommand(new RevokeAllTokensCommand());
        // hidden: for the InferenceServing contract owner only
        group.addSubcommand(new OwnerAckProviderCommand());
        group.addSubcommand(new OwnerRevokeCommand());
        return group;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
