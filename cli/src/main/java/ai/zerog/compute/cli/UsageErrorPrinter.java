package ai.zerog.compute.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage mistakes worded as the official CLI words them ({@code error: unknown command 'foo'},
 * {@code error: required option '--amount <0G>' not specified}, …), exit code 1.
 */
final class UsageErrorPrinter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("error: " + describe(e));
        command.getErr().flush();
        return ExitCodes.FAILURE;
    }

    private static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().getFirst();
            return first.startsWith("-") ? "unknown option '" + first + "'" : "unknown command '" + first + "'";
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing.getMissing().stream().map(UsageErrorPrinter::missing).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    private static String missing(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return "required option '" + option.longestName() + " " + option.paramLabel() + "' not specified";
        }
        return "missing required argument '" + ((PositionalParamSpec) arg).paramLabel().replaceAll("[<>]", "") + "'";
    }
}
