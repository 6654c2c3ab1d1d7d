package ai.zerog.compute.provider;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape, for assertions. */
record PrometheusText(String text) {
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (label, value,
     * label, value, ...); zero when there are none.
     */
    BigDecimal sum(String name, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String sampleName = line.substring(0, brace >= 0 && brace < space ? brace : space);
            if (!sampleName.equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            int valueStart = space;
            if (brace >= 0 && brace < space) {
                int close = line.indexOf('}', brace);
                Matcher m = LABEL.matcher(line.substring(brace + 1, close));
                while (m.find()) {
                    found.put(m.group(1), m.group(2));
                }
                valueStart = close + 1;
            }
            if (found.entrySet().containsAll(wanted.entrySet())) {
                String value = line.substring(valueStart).strip().split("\\s+")[0];
                total = total.add(new BigDecimal(value));
            }
        }
        return total;
    }

    /** Whether a sample named {@code name} is present at all. */
    boolean has(String name) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
