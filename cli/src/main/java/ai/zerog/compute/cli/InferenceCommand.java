package ai.zerog.compute.cli;

import ai.zerog.compute.cli.serve.RouterServeCommand;
import ai.zerog.compute.cli.serve.ServeCommand;
import java.util.List;
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

    private static final List<CommandTree.Branch> COMMANDS = List.of(
            CommandTree.Branch.of(ListProvidersCommand.class, ListProvidersCommand::new),
            CommandTree.Branch.of(GetModelsCommand.class, GetModelsCommand::new),
            CommandTree.Branch.of(ListProvidersDetailCommand.class, ListProvidersDetailCommand::new),
            CommandTree.Branch.of(AcknowledgeProviderCommand.class, AcknowledgeProviderCommand::new),
            CommandTree.Branch.of(RemoveServiceCommand.class, RemoveServiceCommand::new),
            CommandTree.Branch.of(UpdateServiceCommand.class, UpdateServiceCommand::new),
            CommandTree.Branch.of(ServeCommand.class, ServeCommand::new),
            CommandTree.Branch.of(RouterServeCommand.class, RouterServeCommand::new),
            CommandTree.Branch.of(DownloadReportCommand.class, DownloadReportCommand::new),
            CommandTree.Branch.of(VerifyCommand.class, VerifyCommand::new),
            CommandTree.Branch.of(ListLogsCommand.class, ListLogsCommand::new),
            CommandTree.Branch.of(DownloadLogCommand.class, DownloadLogCommand::new),
            CommandTree.Branch.of(ViewLogCommand.class, ViewLogCommand::new),
            CommandTree.Branch.of(GetSecretCommand.class, GetSecretCommand::new),
            CommandTree.Branch.of(RevokeTokenCommand.class, RevokeTokenCommand::new),
            CommandTree.Branch.of(RevokeAllTokensCommand.class, RevokeAllTokensCommand::new),
            // hidden: for the InferenceServing contract owner only
            CommandTree.Branch.of(OwnerAckProviderCommand.class, OwnerAckProviderCommand::new),
            CommandTree.Branch.of(OwnerRevokeCommand.class, OwnerRevokeCommand::new));

    /** The group with the command {@code args} names (the words after {@code inference}), or all of them. */
    static CommandLine commandLine(List<String> args) {
        CommandLine group = new CommandLine(new InferenceCommand());
        CommandTree.addNamedOrAll(group, COMMANDS, args);
        return group;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.FAILURE;
    }
}
