package ai.zerog.compute.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion bash|zsh}: a completion script generated from the live command tree
 * (picocli's generator; zsh loads the same script through {@code bashcompinit}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script (bash or zsh)",
        footer = {"", "bash: eval \"$(0g-compute-cli completion bash)\"   (add to ~/.bashrc)",
                "zsh:  eval \"$(0g-compute-cli completion zsh)\"    (add to ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "shell", description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        String name = shell.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("bash") && !name.equals("zsh")) {
            environment.err().println("Unsupported shell: " + shell + ". Supported: bash, zsh.");
            return ExitCodes.FAILURE;
        }
        String script = AutoComplete.bash("0g-compute-cli", spec.root().commandLine());
        if (name.equals("zsh")) {
            environment.out().println("#compdef 0g-compute-cli");
            environment.out().println("# 0g-compute-cli " + CliVersion.VERSION + " zsh completion: the script below loads"
                    + " itself through bashcompinit under zsh");
        }
        environment.out().print(script);
        return ExitCodes.OK;
    }
}
