package ai.zerog.compute.cli.bench;

import ai.zerog.compute.cli.devnet.DevnetSummary;
import ai.zerog.compute.cli.devnet.LocalDevnet;
import ai.zerog.compute.cli.devnet.TestDevnet;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our {@code inference serve} against the official {@code 0g-compute-cli inference serve} (npm
 * 0.9.0), side by side in one run on one in-process devnet, both proxying the same chatbot dev
 * provider with the same dev wallet: non-streaming chat requests/s, p50 and p99 at each
 * concurrency (closed loop, fixed-length rounds taken in turn, ours first, then the provider
 * without a proxy as the ceiling both share), CPU per answer of each
 * proxy process, then the start-up time of {@code --help} and {@code get-account} for both CLIs
 * (median of runs taken in turn). The wallet's provider sub-account is funded up front so neither
 * proxy sends a funding transaction while measured. Prints a Markdown table; run it with
 * {@code scripts/serve-benchmark.sh}.
 *
 * <p>System properties: {@code bench.concurrency} (1,16), {@code bench.rounds} (3 per proxy and
 * concurrency), {@code bench.roundSeconds} (7), {@code bench.warmupSeconds} (8, at the highest concurrency),
 * {@code bench.startupRuns} (7), {@code bench.cliJar} (target/0g-compute-cli.jar),
 * {@code bench.oursJvm} (extra JVM flags for our CLI), {@code bench.jfr} (a folder: our proxy
 * records a JFR profile there).
 */
public final class ServeBenchmark {
    private static final PrintStream OUT = System.out;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** Before each concurrency's rounds: new connections, queues at the new depth. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Settings settings;
    private final Path work;

    private ServeBenchmark(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // the in-process devnet's INFO lines
        Path work = Files.createTempDirectory("zg-serve-bench-");
        int status = 0;
        try {
            new ServeBenchmark(settings, work).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the shared devnet stops in its shutdown hook
    }

    private void run() throws IOException {
        long start = System.nanoTime();
        progress("work folder " + work + " (proxy logs, CLI homes)");
        progress("finding the official CLI " + OfficialCliInstall.PACKAGE + " (npm install on first use) ...");
        Path officialBin = OfficialCliInstall.bin();
        progress("starting the devnet ...");
        LocalDevnet devnet = TestDevnet.shared();
        DevnetSummary.Provider chatbot = devnet.provider("chatbot");

        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jar = settings.cliJar().toAbsolutePath();
        Path archive = work.resolve("ours-appcds.jsa");
        progress("recording our CLI's AppCDS archive from its start-up training, as the launcher does once per build");
        new StartupTimer(work, ServeBenchmark::progress).record(BenchCli.recordArchive(java, jar, archive));
        BenchCli ours = BenchCli.ours(java, jar, archive, settings.oursJvm(), oursHome());
        BenchCli official = BenchCli.official(officialBin, officialHome(devnet));

        Map<Integer, ConcurrencyRow> rows = new LinkedHashMap<>();
        try (ZgComputeBroker wallet = ZgComputeBroker.create(devnet.userKey(), devnet.network())) {
            fund(wallet, chatbot);
            ChatLoad direct = ChatLoad.direct(chatbot.url(), wallet.inference().requestHeaders(chatbot.address()),
                    chatbot.model());
            try (ProxyProcess oursProxy = startOurs(ours, chatbot);
                 ProxyProcess officialProxy = startOfficial(official, devnet, chatbot)) {
                warmUp(oursProxy, officialProxy, direct, chatbot.model());
                for (int concurrency : settings.concurrency()) {
                    rows.put(concurrency, measure(concurrency, oursProxy, officialProxy, direct, chatbot.model()));
                }
            }
        }
        StartupTimer timer = new StartupTimer(work, ServeBenchmark::progress);
        // the launcher runs one-shot commands with C1 only (bin/0g-compute-cli), so the timing does too
        BenchCli oursOneShot = ours.withJvmFlag("-XX:TieredStopAtLevel=1");
        StartupTimer.Comparison help = timer.compare(oursOneShot, official, List.of("--help"), settings.startupRuns());
        StartupTimer.Comparison getAccount = timer.compare(oursOneShot, official, List.of("get-account"),
                settings.startupRuns());
        new ResultTable(settings, rows, help, getAccount).print(OUT);
        progress("done in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s; proxy logs in " + work);
    }

    /**
     * Deposits 100 0G and moves 50 0G to the chatbot sub-account of the dev wallet: more than
     * either proxy's funding rule asks for, so no funding transaction lands in a measured round.
     */
    private static void fund(ZgComputeBroker wallet, DevnetSummary.Provider chatbot) {
        wallet.ledger().depositFund(Units.og(100));
        wallet.ledger().transferFund(chatbot.address(), Units.og(50));
    }

    private Path oursHome() throws IOException {
        Path home = Files.createDirectories(work.resolve("ours-home"));
        TestDevnet.useIn(home); // as `devnet up` leaves it: the devnet network and the dev wallet
        return home;
    }

    /** The official CLI keeps its key in clear text in ~/.0g-compute-cli/config.json. */
    private Path officialHome(LocalDevnet devnet) throws IOException {
        Path home = work.resolve("official-home");
        Path config = Files.createDirectories(home.resolve(".0g-compute-cli")).resolve("config.json");
        Files.writeString(config, "{\"privateKey\":\"0x" + String.format("%064x", devnet.userKey().privateKey())
                + "\",\"rpcEndpoint\":\"" + devnet.network().rpcUrl() + "\"}\n");
        return home;
    }

    private ProxyProcess startOurs(BenchCli ours, DevnetSummary.Provider chatbot) {
        int port = freePort();
        List<String> jvm = new ArrayList<>();
        settings.jfr().ifPresent(dir -> jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("ours-serve.jfr")
                + ",settings=profile,dumponexit=true"));
        List<String> command = new ArrayList<>(ours.launcher());
        command.addAll(command.indexOf("-jar"), jvm);
        command.addAll(List.of("inference", "serve", "--provider", chatbot.address().checksummed(),
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        progress("starting our serve on port " + port + " ...");
        return ProxyProcess.start("ours", command, ours.home(), port, work.resolve("ours-serve.log"), START_TIMEOUT);
    }

    private ProxyProcess startOfficial(BenchCli official, LocalDevnet devnet, DevnetSummary.Provider chatbot) {
        int port = freePort();
        List<String> command = official.command("inference", "serve", "--provider", chatbot.address().checksummed(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--rpc", devnet.network().rpcUrl().toString(),
                "--ledger-ca", devnet.network().ledger().checksummed(),
                "--inference-ca", devnet.network().inference().checksummed());
        progress("starting the official serve on port " + port + " ...");
        return ProxyProcess.start("official", command, official.home(), port, work.resolve("official-serve.log"),
                START_TIMEOUT);
    }

    /**
     * Both JITs (and the provider's) reach steady state at the highest concurrency first: at
     * concurrency 1 alone, a few seconds are too few requests for C2 to compile the request path.
     */
    private void warmUp(ProxyProcess ours, ProxyProcess official, ChatLoad direct, String model) {
        int concurrency = settings.concurrency().stream().max(Integer::compare).orElse(16);
        progress("warming up at concurrency " + concurrency + " (" + settings.warmup().toSeconds() + " s each) ...");
        check(ours.name(), ours.log().toString(), ChatLoad.proxy(ours.baseUrl(), model).run(concurrency, settings.warmup()));
        check(official.name(), official.log().toString(),
                ChatLoad.proxy(official.baseUrl(), model).run(concurrency, settings.warmup()));
        check("direct", "the provider", direct.run(concurrency, settings.warmup()));
    }

    /** A short settling run each, then rounds in turn: ours, official, the provider directly (the ceiling both share). */
    private ConcurrencyRow measure(int concurrency, ProxyProcess ours, ProxyProcess official, ChatLoad direct, String model) {
        ChatLoad oursLoad = ChatLoad.proxy(ours.baseUrl(), model);
        ChatLoad officialLoad = ChatLoad.proxy(official.baseUrl(), model);
        check(ours.name(), ours.log().toString(), oursLoad.run(concurrency, SETTLE));
        check(official.name(), official.log().toString(), officialLoad.run(concurrency, SETTLE));
        check("direct", "the provider", direct.run(concurrency, SETTLE));
        List<Round> oursRounds = new ArrayList<>();
        List<Round> officialRounds = new ArrayList<>();
        List<Round> directRounds = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            oursRounds.add(round(ours, oursLoad, concurrency));
            officialRounds.add(round(official, officialLoad, concurrency));
            directRounds.add(new Round(check("direct", "the provider", direct.run(concurrency, settings.roundLength())),
                    Duration.ZERO));
            progress("concurrency " + concurrency + " round " + round + ": ours " + rps(oursRounds.getLast().load())
                    + " req/s, official " + rps(officialRounds.getLast().load()) + " req/s, provider directly "
                    + rps(directRounds.getLast().load()) + " req/s");
        }
        return new ConcurrencyRow(concurrency, Round.combined(oursRounds), Round.combined(officialRounds),
                Round.combined(directRounds));
    }

    private Round round(ProxyProcess proxy, ChatLoad load, int concurrency) {
        Duration cpuBefore = proxy.cpuTime();
        LoadResult result = check(proxy.name(), proxy.log().toString(), load.run(concurrency, settings.roundLength()));
        return new Round(result, proxy.cpuTime().minus(cpuBefore));
    }

    private static LoadResult check(String name, String where, LoadResult result) {
        if (result.failures() > 0) {
            throw new IllegalStateException(name + " failed " + result.failures() + " requests (first: "
                    + result.firstFailure() + "); see " + where);
        }
        return result;
    }

    private static String rps(LoadResult result) {
        return String.format("%.0f", result.requestsPerSecond());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void progress(String line) {
        System.err.println("[serve-benchmark] " + line);
    }
}
