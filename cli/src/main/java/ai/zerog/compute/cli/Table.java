package ai.zerog.compute.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A box table as the official CLI draws them (cli-table3 style): a line between every row, cells
 * padded by one space, text wrapped at word boundaries to the column width. A width counts the
 * padding, as cli-table3's {@code colWidths} do; without widths columns fit their content.
 */
public final class Table {
    private final int[] widths;
    private final List<String[]> rows = new ArrayList<>();
    private String[] header;

    private Table(int[] widths) {
        this.widths = widths.clone();
    }

    /** A table with fixed column widths (padding included), or fitted columns when none are given. */
    public static Table withWidths(int... widths) {
        return new Table(widths);
    }

    public Table header(String... cells) {
        this.header = cells.clone();
        return this;
    }

    public Table row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, lines ending in {@code \n}. */
    public String render() {
        int[] columns = columnWidths();
        StringBuilder out = new StringBuilder();
        out.append(rule('┌', '┬', '┐', columns));
        List<String[]> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        all.addAll(rows);
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                out.append(rule('├', '┼', '┤', columns));
            }
            appendRow(out, all.get(i), columns);
        }
        out.append(rule('└', '┴', '┘', columns));
        return out.toString();
    }

    /** A blank line, two spaces and the title, then the table (how titled tables are printed). */
    public String render(String title) {
        return "\n  " + title + "\n" + render();
    }

    private int[] columnWidths() {
        int count = widths.length;
        if (header != null) {
            count = Math.max(count, header.length);
        }
        for (String[] row : rows) {
            count = Math.max(count, row.length);
        }
        int[] result = new int[count];
        for (int c = 0; c < count; c++) {
            if (c < widths.length && widths[c] > 2) {
                result[c] = widths[c];
                continue;
            }
            int widest = 1;
            for (String[] row : header == null ? rows : concat()) {
                if (c < row.length) {
                    for (String line : row[c].split("\n", -1)) {
                        widest = Math.max(widest, line.length());
                    }
                }
            }
            result[c] = widest + 2;
        }
        return result;
    }

    private List<String[]> concat() {
        List<String[]> all = new ArrayList<>(rows);
        all.add(header);
        return all;
    }

    private static String rule(char left, char middle, char right, int[] columns) {
        StringBuilder line = new StringBuilder().append(left);
        for (int c = 0; c < columns.length; c++) {
            line.append("─".repeat(columns[c]));
            line.append(c == columns.length - 1 ? right : middle);
        }
        return line.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] columns) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < columns.length; c++) {
            List<String> lines = wrap(c < cells.length && cells[c] != null ? cells[c] : "", columns[c] - 2);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int line = 0; line < height; line++) {
            out.append('│');
            for (int c = 0; c < columns.length; c++) {
                String text = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                out.append(' ').append(text).append(" ".repeat(Math.max(0, columns[c] - 2 - text.length()))).append(' ');
                out.append('│');
            }
            out.append('\n');
        }
    }

    /** Splits at newlines, then wraps each line at spaces (hard-splitting words longer than the width). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            // leading spaces indent the line (sub-rows such as "  Input 0-32k tokens"), as cli-table3 keeps them
            int indent = paragraph.length() - paragraph.replaceFirst("^ +", "").length();
            String[] words = paragraph.substring(indent).split(" ", -1);
            words[0] = " ".repeat(indent) + words[0];
            for (String word : words) {
                while (word.length() > width) {
                    if (!current.isEmpty()) {
                        lines.add(current.toString());
                        current.setLength(0);
                    }
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (current.isEmpty()) {
                    current.append(word);
                } else if (current.length() + 1 + word.length() <= width) {
                    current.append(' ').append(word);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
        }
        return lines;
    }
}
