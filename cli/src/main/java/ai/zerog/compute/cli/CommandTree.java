package ai.zerog.compute.cli;

import ai.zerog.compute.cli.devnet.DevnetCommand;
import ai.zerog.compute.cli.ui.UiCommand;
import picocli.CommandLine;

/** Registers the commands in the official help order (without fine-tuning and controller), then ours ({@code devnet}, {@code provider}). */
final class CommandTree {
    private CommandTree() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(new GetAccountCommand());
        root.addSubcommand(new AddAccountCommand());
        root.addSubcommand(new DepositCommand());
        root.addSubcommand(new RefundCommand());
        root.addSubcommand(new RetrieveFundCommand());
        root.addSubcommand(new TransferFundCommand());
        root.addSubcommand(new GetSubAccountCommand());
        root.addSubcommand(InferenceCommand.commandLine());
        root.addSubcommand(new UiCommand());
        root.addSubcommand(new SetupNetworkCommand());
        root.addSubcommand(new ShowNetworkCommand());
        root.addSubcommand(new LoginCommand());
        root.addSubcommand(new LogoutCommand());
        root.addSubcommand(new StatusCommand());
        root.addSubcommand(new CompletionCommand());
        root.addSubcommand(new DevnetCommand());
        root.addSubcommand(new ProviderCommand());
        root.getSubcommands().values().forEach(CommandTree::withoutVersionOption);
    }

    /** Only the root prints the version ({@code -V}), as in the official CLI. */
    private static void withoutVersionOption(CommandLine command) {
        var version = command.getCommandSpec().findOption("--version");
        if (version != null) {
            command.getCommandSpec().remove(version);
        }
        command.getSubcommands().values().forEach(CommandTree::withoutVersionOption);
    }
}
