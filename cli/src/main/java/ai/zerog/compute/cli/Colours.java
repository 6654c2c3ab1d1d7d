package ai.zerog.compute.cli;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few colours the official tables use for health, on only for a person at a terminal with
 * {@code NO_COLOR} unset (tests and scripts set it, https://no-color.org). Cells are painted after
 * the table is drawn, so the escape codes never count towards a column's width.
 */
final class Colours {
    enum Colour {
        GREEN("32"), YELLOW("33"), RED("31"), GREY("90");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }

    private static final Pattern PERCENT = Pattern.compile("^(-?[0-9]+(?:\\.[0-9]+)?)%");

    private final boolean on;

    private Colours(boolean on) {
        this.on = on;
    }

    static Colours of(CliEnvironment environment) {
        return new Colours(environment.interactive() && environment.variable("NO_COLOR").isEmpty()
                && !environment.variable("TERM").map("dumb"::equals).orElse(false));
    }

    static Colours on() {
        return new Colours(true);
    }

    boolean enabled() {
        return on;
    }

    String paint(String text, Colour colour) {
        return on ? "\u001b[" + colour.code + "m" + text + "\u001b[39m" : text;
    }

    /** Green from 85 %, yellow from 70 %, red below, for texts starting with a percentage ({@code 99.5% up}). */
    static Optional<Colour> uptime(String text) {
        Matcher m = PERCENT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        return Optional.of(percent.compareTo(BigDecimal.valueOf(85)) >= 0 ? Colour.GREEN
                : percent.compareTo(BigDecimal.valueOf(70)) >= 0 ? Colour.YELLOW : Colour.RED);
    }

    /** The colour of a health text by its symbol ({@code ✓ healthy}, {@code ⚠ Warning}, …). */
    static Optional<Colour> health(String text) {
        if (text.startsWith("✓")) {
            return Optional.of(Colour.GREEN);
        } else if (text.startsWith("⚠")) {
            return Optional.of(Colour.YELLOW);
        } else if (text.startsWith("✗")) {
            return Optional.of(Colour.RED);
        } else if (text.startsWith("?") || text.equals("No metrics available")) {
            return Optional.of(Colour.GREY);
        }
        return Optional.empty();
    }

    /**
     * Paints the text of column {@code column} on each line of a drawn {@link Table}: {@code rule}
     * gets the first column's text on that line (empty on continuation lines) and the cell's text.
     */
    String paintColumn(String table, int column, BiFunction<String, String, Optional<Colour>> rule) {
        if (!on) {
            return table;
        }
        StringBuilder out = new StringBuilder();
        for (String line : table.split("\n", -1)) {
            String[] cells = line.split("│", -1);
            if (!line.startsWith("│") || cells.length < column + 3) {
                out.append(line).append('\n');
                continue;
            }
            String cell = cells[column + 1];
            String text = cell.strip();
            Optional<Colour> colour = text.isEmpty() ? Optional.empty() : rule.apply(cells[1].strip(), text);
            if (colour.isPresent()) {
                int start = cell.indexOf(text);
                cells[column + 1] = cell.substring(0, start) + paint(text, colour.get())
                        + cell.substring(start + text.length());
            }
            out.append(String.join("│", cells)).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
