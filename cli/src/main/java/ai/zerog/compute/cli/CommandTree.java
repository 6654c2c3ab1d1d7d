package ai.zerog.compute.cli;

import ai.zerog.compute.cli.devnet.DevnetCommand;
import ai.zerog.compute.cli.ui.UiCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands in the official help order (without fine-tuning and controller), then ours
 * ({@code devnet}, {@code provider}). Picocli reflects over every command it registers (about
 * 0.2 s for the whole tree on a cold JVM), so a command line that names a command gets only that
 * branch; one that names none ({@code --help}, a typo that deserves suggestions) or asks for
 * completion scripts gets the whole tree.
 */
final class CommandTree {
    /** A command and how to build it for the words that follow its name. */
    record Branch(Class<?> type, Function<List<String>, Object> build) {
        static Branch of(Class<?> type, Supplier<Object> build) {
            return new Branch(type, rest -> build.get());
        }

        boolean isNamed(String word) {
            Command command = type.getAnnotation(Command.class);
            return command.name().equals(word) || Arrays.asList(command.aliases()).contains(word);
        }
    }

    private static final List<Branch> ROOT = List.of(
            Branch.of(GetAccountCommand.class, GetAccountCommand::new),
            Branch.of(AddAccountCommand.class, AddAccountCommand::new),
            Branch.of(DepositCommand.class, DepositCommand::new),
            Branch.of(RefundCommand.class, RefundCommand::new),
            Branch.of(RetrieveFundCommand.class, RetrieveFundCommand::new),
            Branch.of(TransferFundCommand.class, TransferFundCommand::new),
            Branch.of(GetSubAccountCommand.class, GetSubAccountCommand::new),
            new Branch(InferenceCommand.class, InferenceCommand::commandLine),
            Branch.of(UiCommand.class, UiCommand::new),
            Branch.of(SetupNetworkCommand.class, SetupNetworkCommand::new),
            Branch.of(ShowNetworkCommand.class, ShowNetworkCommand::new),
            Branch.of(LoginCommand.class, LoginCommand::new),
            Branch.of(LogoutCommand.class, LogoutCommand::new),
            Branch.of(StatusCommand.class, StatusCommand::new),
            Branch.of(CompletionCommand.class, CompletionCommand::new),
            Branch.of(DevnetCommand.class, DevnetCommand::new),
            Branch.of(ProviderCommand.class, ProviderCommand::new));

    private CommandTree() {
    }

    /** Registers what {@code args} needs under {@code root}. */
    static void register(CommandLine root, List<String> args) {
        Optional<Branch> named = named(ROOT, args).filter(branch -> branch.type() != CompletionCommand.class);
        if (named.isPresent()) {
            root.addSubcommand(named.get().build().apply(afterName(args)));
        } else {
            ROOT.forEach(branch -> root.addSubcommand(branch.build().apply(List.of())));
        }
        root.getSubcommands().values().forEach(CommandTree::withoutVersionOption);
    }

    /** Adds to {@code group} the one of {@code branches} that {@code args} names, or all of them. */
    static void addNamedOrAll(CommandLine group, List<Branch> branches, List<String> args) {
        Optional<Branch> named = named(branches, args);
        if (named.isPresent()) {
            group.addSubcommand(named.get().build().apply(afterName(args)));
        } else {
            branches.forEach(branch -> group.addSubcommand(branch.build().apply(List.of())));
        }
    }

    /** The branch the first word names; none when that word comes after an option or is an {@code @file}. */
    private static Optional<Branch> named(List<Branch> branches, List<String> args) {
        if (args.isEmpty() || args.getFirst().startsWith("-") || args.getFirst().startsWith("@")) {
            return Optional.empty();
        }
        return branches.stream().filter(branch -> branch.isNamed(args.getFirst())).findFirst();
    }

    private static List<String> afterName(List<String> args) {
        return args.subList(1, args.size());
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
