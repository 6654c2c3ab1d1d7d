package ai.zerog.compute.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Questions to the person at the terminal: a line, a hidden secret, yes/no, a numbered menu.
 * Secrets are read without echo from the console when there is one, else as lines from the
 * environment's stdin (how {@code printf 'key\npw\npw\n' | 0g-compute-cli login} answers; input
 * that ends early fails with the caller's hint). Menus, confirmations and free text need a person
 * ({@link CliEnvironment#interactive()}): without one they fail with the caller's hint on what to
 * pass instead, rather than silently doing nothing as the official CLI does.
 */
public final class Prompter {
    private static final Map<CliEnvironment, Prompter> BY_ENVIRONMENT = Collections.synchronizedMap(new WeakHashMap<>());

    private final CliEnvironment environment;
    private final PrintStream err;
    private BufferedReader reader;

    private Prompter(CliEnvironment environment) {
        this.environment = environment;
        this.err = environment.err();
    }

    /** The prompter of {@code environment}: one per run, so successive questions share its stdin reader. */
    public static Prompter of(CliEnvironment environment) {
        return BY_ENVIRONMENT.computeIfAbsent(environment, Prompter::new);
    }

    public boolean available() {
        return environment.interactive();
    }

    /** One line of text; {@code noTerminal} says what to pass instead when nobody can answer. */
    public String line(String question, String noTerminal) {
        requirePerson(question, noTerminal);
        err.print(question + " ");
        err.flush();
        return readLine().strip();
    }

    /**
     * A secret without echo where possible; without a person, the next line of stdin (the input
     * ending first fails with {@code noTerminal}). Clear the array when done.
     */
    public char[] secret(String question, String noTerminal) {
        Console console = System.console();
        if (environment.interactive() && console != null && environment.in() == System.in) {
            char[] answer = console.readPassword("%s ", question);
            if (answer == null) {
                throw cancelled();
            }
            return answer;
        }
        if (environment.interactive()) {
            err.print(question + " ");
            err.flush();
        }
        String line = nextLine();
        if (line == null) {
            throw new CliFailure("no answer to \"" + question.strip() + "\": no terminal, and stdin ended", noTerminal);
        }
        return line.toCharArray();
    }

    /** Yes or no; an empty answer is {@code byDefault}. */
    public boolean confirm(String question, boolean byDefault, String noTerminal) {
        String answer = line(question + (byDefault ? " (Y/n)" : " (y/N)"), noTerminal).toLowerCase(Locale.ROOT);
        return answer.isEmpty() ? byDefault : answer.startsWith("y");
    }

    /** A numbered menu; answers the 0-based index of the choice, asking again on a bad number. */
    public int choose(String question, List<String> choices, String noTerminal) {
        requirePerson(question, noTerminal);
        err.println(question);
        for (int i = 0; i < choices.size(); i++) {
            err.println("  " + (i + 1) + ") " + choices.get(i));
        }
        while (true) {
            String answer = line("Enter 1-" + choices.size() + ":", noTerminal);
            try {
                int picked = Integer.parseInt(answer);
                if (picked >= 1 && picked <= choices.size()) {
                    return picked - 1;
                }
            } catch (NumberFormatException ignored) {
                // asked again below
            }
            err.println("Please enter a number between 1 and " + choices.size() + ".");
        }
    }

    private void requirePerson(String question, String noTerminal) {
        if (!environment.interactive()) {
            throw new CliFailure("cannot ask \"" + question.strip() + "\": no terminal to answer it", noTerminal);
        }
    }

    private String readLine() {
        String text = nextLine();
        if (text == null) {
            throw cancelled();
        }
        return text;
    }

    /** The next line of stdin, or null at its end. */
    private String nextLine() {
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8));
            }
            return reader.readLine();
        } catch (IOException e) {
            throw new CliFailure("cannot read the answer (" + e.getMessage() + ")", "Run the command again.");
        }
    }

    private static CliFailure cancelled() {
        return new CliFailure("Operation cancelled: the input ended before an answer", "Run the command again.");
    }
}
