package ai.zerog.compute.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The benchmark's Markdown table, the setting it ran in, and whether each goal was met. */
final class ResultTable {
    private final Settings settings;
    private final Map<Integer, ConcurrencyRow> rows;
    private final StartupTimer.Comparison help;
    private final StartupTimer.Comparison getAccount;

    ResultTable(Settings settings, Map<Integer, ConcurrencyRow> rows, StartupTimer.Comparison help,
                StartupTimer.Comparison getAccount) {
        this.settings = settings;
        this.rows = rows;
        this.help = help;
        this.getAccount = getAccount;
    }

    void print(PrintStream out) {
        out.println();
        out.println("`inference serve`, ours vs the official `0g-compute-cli` " + OfficialCliInstall.PACKAGE.replaceAll(".*@", "")
                + " — one devnet, the same chatbot dev provider and wallet, non-streaming chat, closed loop, "
                + settings.rounds() + " rounds of " + settings.roundLength().toSeconds()
                + " s per proxy and concurrency taken in turn (after " + settings.warmup().toSeconds()
                + " s warm-up at the highest concurrency); the provider alone for reference; "
                + Runtime.getRuntime().availableProcessors() + " cores shared by load generator, proxy, provider and anvil; JDK "
                + Runtime.version().feature() + ", Node " + nodeVersion() + ".");
        out.println();
        out.println("| | ours | official | ours ÷ official | provider directly |");
        out.println("|---|---:|---:|---:|---:|");
        List<String> goals = new ArrayList<>();
        for (ConcurrencyRow row : rows.values()) {
            LoadResult ours = row.ours().load();
            LoadResult official = row.official().load();
            LoadResult direct = row.direct().load();
            String c = "concurrency " + row.concurrency();
            double throughput = ours.requestsPerSecond() / official.requestsPerSecond();
            line(out, "requests/s, " + c, fmt(ours.requestsPerSecond()), fmt(official.requestsPerSecond()), throughput,
                    fmt(direct.requestsPerSecond()));
            line(out, "p50 latency, " + c, ms(ours.percentileMillis(50)), ms(official.percentileMillis(50)),
                    ours.percentileMillis(50) / official.percentileMillis(50), ms(direct.percentileMillis(50)));
            double p99 = ours.percentileMillis(99) / official.percentileMillis(99);
            line(out, "p99 latency, " + c, ms(ours.percentileMillis(99)), ms(official.percentileMillis(99)), p99,
                    ms(direct.percentileMillis(99)));
            line(out, "proxy CPU per answer, " + c, ms(row.ours().cpuMillisPerAnswer()),
                    ms(row.official().cpuMillisPerAnswer()), row.ours().cpuMillisPerAnswer() / row.official().cpuMillisPerAnswer(),
                    "—");
            goals.add(goal("≥ 2× throughput at " + c, throughput >= 2, throughput));
            goals.add(goal("lower p99 at " + c, p99 < 1, p99));
        }
        for (StartupTimer.Comparison startup : List.of(help, getAccount)) {
            double ratio = startup.oursMillis() / startup.officialMillis();
            line(out, "start-up `" + startup.command() + "` (median of " + settings.startupRuns() + ")",
                    ms(startup.oursMillis()), ms(startup.officialMillis()), ratio, "—");
            goals.add(goal("start-up `" + startup.command() + "` no slower", ratio <= 1, ratio));
        }
        out.println();
        out.println("Goals: " + String.join("; ", goals) + ".");
    }

    private static void line(PrintStream out, String what, String ours, String official, double ratio, String direct) {
        out.println("| " + what + " | " + ours + " | " + official + " | " + String.format("%.2f×", ratio) + " | "
                + direct + " |");
    }

    private static String goal(String what, boolean met, double ratio) {
        return what + ": " + (met ? "met" : "MISSED") + String.format(" (%.2f×)", ratio);
    }

    private static String fmt(double value) {
        return String.format("%.0f", value);
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).strip();
            node.waitFor(10, TimeUnit.SECONDS);
            return version.replaceFirst("^v", "");
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
