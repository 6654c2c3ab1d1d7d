package ai.zerog.compute.provider;

import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the broker adds, measured side by side in one run against the same local upstream (the
 * dev model served over HTTP): latency p50/p99 direct vs through the broker at concurrency 1, 16
 * and 64, for a whole chat answer and for the first token of a streamed one; the broker's
 * maximum requests/s with an instant upstream (the dev model in-process); and its resident
 * memory under 64 concurrent slow streams. The broker runs in its own JVM (so its memory is its
 * own) with production parts: SQLite fee store committing every fee durably, software TEE signer,
 * anvil chain. 64 funded users take turns. Beside latency it prints CPU per request (this JVM's
 * and the broker process's), the fairest figure when everything shares 2 cores. Prints Markdown
 * tables; stops by itself. Run with {@code scripts/broker-benchmark.sh}; {@code -Dbenchmark.parts}
 * picks parts, {@code -Dbenchmark.concurrency} the latency rows' concurrency levels (e.g. {@code 16}),
 * {@code -Dbroker.profile=DIR} records the broker with JFR per measured row.
 */
public final class BrokerBenchmark {
    /** The broker JVM's flags; {@code -Dbroker.jvm="..."} replaces them. */
    static final List<String> BROKER_JVM = List.of(System.getProperty("broker.jvm", "-Xms64m -Xmx256m").split(" +"));
    private static final int USERS = 64;
    /** The latency rows' concurrency levels: {@code -Dbenchmark.concurrency=16} runs only that one. */
    private static final int[] CONCURRENCY = java.util.Arrays.stream(System.getProperty("benchmark.concurrency", "1,16,64")
            .split(",")).mapToInt(level -> Integer.parseInt(level.strip())).toArray();
    private static final int[] THROUGHPUT_CONCURRENCY = {16, 32, 64, 128};
    private static final int ROUNDS = 4;
    private static final Duration ROUND_LIMIT = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration SLOW_TOKEN = Duration.ofMillis(200);
    /**
     * Also measured at concurrency 16: an upstream paced like a fast model server (5 ms per token,
     * about 125 ms per answer), as gateway benchmarks give their mock upstream a latency. With the
     * instant upstream, client, upstream and broker saturate the 2 cores and queueing dominates.
     */
    private static final Duration PACED_TOKEN = Duration.ofMillis(5);

    /**
     * Which parts run: {@code -Dbenchmark.parts=instant,paced,relay,floor,memory,throughput} (all by default;
     * instant and paced are the latency rows with either upstream, relay the same rows through nginx instead of
     * the broker, floor what a durable commit and a TEE signature cost on this machine).
     */
    private static final List<String> PARTS = List.of(System.getProperty("benchmark.parts",
            "instant,paced,relay,floor,memory,throughput").split(","));
    /** When set, a JFR recording of the broker per measured row goes to this folder ({@code -Dbroker.profile=DIR}). */
    private static final String PROFILE = System.getProperty("broker.profile", "");

    /**
     * The calls of one path and the CPU they cost: this JVM's (load generator and upstream) and the
     * broker process's, both in nanoseconds.
     */
    private record Measured(LoadGenerator.Outcome outcome, long selfCpu, long brokerCpu) {
        static final Measured EMPTY = new Measured(LoadGenerator.Outcome.empty(), 0, 0);

        Measured plus(Measured other) {
            return new Measured(outcome.plus(other.outcome), selfCpu + other.selfCpu, brokerCpu + other.brokerCpu);
        }

        /** CPU microseconds per answered request: this JVM's, the broker's, or both. */
        double selfMicros() {
            return perRequest(selfCpu);
        }

        double brokerMicros() {
            return perRequest(brokerCpu);
        }

        double totalMicros() {
            return perRequest(selfCpu + brokerCpu);
        }

        private double perRequest(long nanos) {
            return outcome.latencies().length == 0 ? 0 : nanos / 1e3 / outcome.latencies().length;
        }
    }

    /** The relayed rows' relay ({@code broker} or {@code nginx}), its process and whether it is a JVM (profiled with JFR). */
    private record Relay(String name, long pid, boolean jvm) {
        static Relay broker(BenchmarkBrokerProcess broker) {
            return new Relay("broker", broker.pid(), true);
        }
    }

    private record Row(String what, String upstream, String relay, int concurrency, Measured direct, Measured broker) {
    }

    private record Throughput(int concurrency, Measured measured) {
        LoadGenerator.Outcome outcome() {
            return measured.outcome();
        }
    }

    private BrokerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : List.of("io.helidon", "org.flywaydb", "com.zaxxer.hikari")) {
            Logger.getLogger(name).setLevel(Level.WARNING);
        }
        // The JDK's HTTP server (our stand-in upstream) writes headers and chunks separately: without
        // TCP_NODELAY, Nagle and delayed ACKs add 40 ms to the direct path. Real model servers set it.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("zg-broker-benchmark");
        out.println("Broker benchmark: working in " + dir);
        List<Row> rows = new ArrayList<>();
        List<Throughput> throughput = new ArrayList<>();
        long[] memory = new long[3];
        FloorCosts floor = null;
        try (AnvilNode node = AnvilNode.start(AnvilOptions.builder().logFile(dir.resolve("anvil.log")).build())) {
            BenchmarkChain chain = new BenchmarkChain(node);
            Path signerFile = dir.resolve("tee-signer.json");
            TeeSigner signer = SoftwareTeeSigner.openOrCreate(signerFile);
            AtomicReference<Upstream> model = new AtomicReference<>(DevModel.create());
            ChatCalls calls = new ChatCalls();
            List<String> bearers;
            try (DevModelServer upstream = DevModelServer.start(request -> model.get().send(request));
                 BenchmarkBrokerProcess broker = broker(chain, signerFile, dir, upstream.baseUrl().toString(), "http")) {
                chain.register(broker.url(), signer);
                bearers = users(chain);
                out.println("Broker pid " + broker.pid() + " at " + broker.url() + ", upstream " + upstream.baseUrl()
                        + ", " + USERS + " users; parts " + PARTS + " ...");
                URI direct = URI.create(upstream.baseUrl() + "/chat/completions");
                URI proxied = broker.url().resolve("/v1/proxy/chat/completions");
                byte[] chat = ChatCalls.chatBody(ChatCalls.PROMPT, false, false);
                if (!PARTS.contains("instant")) {
                    // The paced rows' own warm-up (a few hundred slow answers) leaves the broker's JIT
                    // compiler busy during the measured rounds: warm up as the instant rows would.
                    LoadGenerator.run(64, Integer.MAX_VALUE, WARM_UP, calls.whole(proxied, bearers, chat));
                }
                for (Duration tokenDelay : latencyPaces()) {
                    model.set(DevModel.create(DevModelConfig.defaults().withTokenDelay(tokenDelay)));
                    String pace = tokenDelay.isZero() ? "instant" : tokenDelay.toMillis() + " ms/token";
                    int[] levels = tokenDelay.isZero() ? CONCURRENCY : new int[] {16};
                    rows.addAll(latencyRows(Relay.broker(broker), "chat, whole answer", pace, levels,
                            calls.whole(direct, List.of(), chat), calls.whole(proxied, bearers, chat)));
                    rows.addAll(latencyRows(Relay.broker(broker), "chat stream, first token", pace, levels,
                            calls.firstToken(direct, List.of(), ChatCalls.chatBody(ChatCalls.PROMPT, true, true)),
                            calls.firstToken(proxied, bearers, ChatCalls.chatBody(ChatCalls.PROMPT, true, false))));
                }
                if (PARTS.contains("relay")) {
                    model.set(DevModel.create());
                    rows.addAll(referenceRelayRows(out, dir, upstream.baseUrl(), direct, calls, chat));
                }
                if (PARTS.contains("memory")) {
                    out.println("Resident memory under 64 slow streams ...");
                    model.set(DevModel.create(DevModelConfig.defaults().withTokenDelay(SLOW_TOKEN)));
                    memory[0] = broker.residentBytes();
                    memory[1] = residentUnderStreams(broker, calls.firstToken(proxied, bearers,
                            ChatCalls.chatBody(longPrompt(), true, false)));
                    memory[2] = broker.peakResidentBytes();
                }
            }
            if (PARTS.contains("floor")) {
                out.println("Floor costs: durable commits and TEE signatures ...");
                floor = FloorCosts.measure(dir, signer);
            }
            if (PARTS.contains("throughput")) {
                out.println("Maximum requests/s with the dev model in-process ...");
                try (BenchmarkBrokerProcess broker = broker(chain, signerFile, dir, "dev", "instant")) {
                    LoadGenerator.Call call = calls.whole(broker.url().resolve("/v1/proxy/chat/completions"),
                            bearers, ChatCalls.chatBody(ChatCalls.PROMPT, false, false));
                    LoadGenerator.run(128, Integer.MAX_VALUE, WARM_UP, call);
                    for (int concurrency : THROUGHPUT_CONCURRENCY) {
                        profileStart(broker.pid(), "throughput-c" + concurrency);
                        throughput.add(new Throughput(concurrency, measure(broker.pid(),
                                () -> LoadGenerator.run(concurrency, Integer.MAX_VALUE, Duration.ofSeconds(6), call))));
                        profileStop(broker.pid());
                    }
                }
            }
        }
        print(out, rows, throughput, memory);
        if (floor != null) {
            floor.print(out);
        }
    }

    private static BenchmarkBrokerProcess broker(BenchmarkChain chain, Path signerFile, Path dir, String upstream,
                                                 String name) throws IOException {
        return BenchmarkBrokerProcess.start(BROKER_JVM, List.of(chain.node.rpcUrl().toString(),
                chain.deployment.inference().hex(), chain.providerKey.address().hex(), signerFile.toString(),
                dir.resolve("fees.db").toString(), upstream), dir.resolve("broker-" + name + ".log"));
    }

    /** {@link #USERS} funded users (created in parallel) and a session token for each. */
    private static List<String> users(BenchmarkChain chain) throws Exception {
        List<String> bearers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Secp256k1Key>> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(pool.submit(() -> chain.user(Units.og(20))));
            }
            for (Future<Secp256k1Key> user : users) {
                Secp256k1Key key = user.get();
                bearers.add(SignedSessionToken.sign(SessionTokens.ephemeral(key.address(),
                        chain.providerKey.address().hex(), 0, Clock.systemUTC(), Duration.ofHours(1)), key)
                        .authorizationHeader());
            }
        }
        return bearers;
    }

    private static List<Duration> latencyPaces() {
        List<Duration> paces = new ArrayList<>();
        if (PARTS.contains("instant")) {
            paces.add(Duration.ZERO);
        }
        if (PARTS.contains("paced")) {
            paces.add(PACED_TOKEN);
        }
        return paces;
    }

    /**
     * The instant-upstream rows again with nginx as the relay: what a relay that does nothing but
     * relay adds on this machine, the floor under any broker's figures.
     */
    private static List<Row> referenceRelayRows(PrintStream out, Path dir, URI upstream, URI direct, ChatCalls calls,
                                                byte[] chat) throws IOException, InterruptedException {
        java.util.Optional<ReferenceRelay> started = ReferenceRelay.start(upstream, dir);
        if (started.isEmpty()) {
            out.println("nginx is not installed (apt-get install nginx-light): no reference-relay rows");
            return List.of();
        }
        try (ReferenceRelay nginx = started.get()) {
            Relay relay = new Relay("nginx", nginx.pid(), false);
            URI relayed = nginx.url().resolve(direct.getPath());
            byte[] stream = ChatCalls.chatBody(ChatCalls.PROMPT, true, true);
            List<Row> rows = new ArrayList<>(latencyRows(relay, "chat, whole answer", "instant", CONCURRENCY,
                    calls.whole(direct, List.of(), chat), calls.whole(relayed, List.of(), chat)));
            rows.addAll(latencyRows(relay, "chat stream, first token", "instant", CONCURRENCY,
                    calls.firstToken(direct, List.of(), stream), calls.firstToken(relayed, List.of(), stream)));
            return rows;
        }
    }

    /** Warms both paths up, then alternates direct and relayed rounds at each concurrency. */
    private static List<Row> latencyRows(Relay relay, String what, String upstream, int[] levels,
                                         LoadGenerator.Call direct, LoadGenerator.Call broker)
            throws InterruptedException {
        LoadGenerator.run(16, 3_000, Duration.ofSeconds(10), direct);
        // The broker's JIT compiler keeps a core busy for tens of seconds, and again for code paths
        // first hot at another concurrency: warm up at the lowest and highest first, as a broker in
        // service would be, rather than measure the compiler.
        if (!relay.jvm()) {
            LoadGenerator.run(16, 3_000, Duration.ofSeconds(10), broker);
        } else if (upstream.equals("instant")) {
            LoadGenerator.run(1, Integer.MAX_VALUE, WARM_UP.dividedBy(3), broker);
            LoadGenerator.run(64, Integer.MAX_VALUE, WARM_UP, broker);
        } else {
            LoadGenerator.run(16, Integer.MAX_VALUE, WARM_UP.dividedBy(3), broker);
        }
        List<Row> rows = new ArrayList<>();
        for (int concurrency : levels) {
            int perRound = concurrency == 1 ? 500 : concurrency * (upstream.equals("instant") ? 100 : 20);
            Measured viaDirect = Measured.EMPTY;
            Measured viaBroker = Measured.EMPTY;
            String profile = (what.contains("stream") ? "stream" : "whole") + "-"
                    + upstream.replace(" ", "").replace("/", "-per-") + "-c" + concurrency;
            if (relay.jvm()) {
                profileStart(relay.pid(), profile);
            }
            for (int round = 0; round < ROUNDS; round++) {
                long pid = relay.pid();
                if (round % 2 == 0) {
                    viaDirect = viaDirect.plus(measure(pid, () -> LoadGenerator.run(concurrency, perRound, ROUND_LIMIT, direct)));
                    viaBroker = viaBroker.plus(measure(pid, () -> LoadGenerator.run(concurrency, perRound, ROUND_LIMIT, broker)));
                } else {
                    viaBroker = viaBroker.plus(measure(pid, () -> LoadGenerator.run(concurrency, perRound, ROUND_LIMIT, broker)));
                    viaDirect = viaDirect.plus(measure(pid, () -> LoadGenerator.run(concurrency, perRound, ROUND_LIMIT, direct)));
                }
            }
            if (relay.jvm()) {
                profileStop(relay.pid());
            }
            rows.add(new Row(what, upstream, relay.name(), concurrency, viaDirect, viaBroker));
        }
        return rows;
    }

    private interface Run {
        LoadGenerator.Outcome run() throws InterruptedException;
    }

    /** One run of calls with the CPU this JVM and the relay process ({@code pid}) spent meanwhile. */
    private static Measured measure(long pid, Run run) throws InterruptedException {
        long self = ProcessCpu.self();
        long relayCpu = ProcessCpu.of(pid);
        LoadGenerator.Outcome outcome = run.run();
        return new Measured(outcome, ProcessCpu.self() - self, ProcessCpu.of(pid) - relayCpu);
    }

    private static void profileStart(long broker, String name) {
        if (!PROFILE.isEmpty()) {
            jcmd(broker, "JFR.start", "name=bench", "settings=" + PROFILE_SETTINGS,
                    "filename=" + Path.of(PROFILE, name + ".jfr").toAbsolutePath());
            profiled = new Profiled(name, ProcessCpu.byThread(broker));
        }
    }

    /** Stops the recording and writes the broker's CPU per thread (name) over it beside it. */
    private static void profileStop(long broker) {
        if (!PROFILE.isEmpty()) {
            jcmd(broker, "JFR.stop", "name=bench");
            java.util.Map<String, Long> spent = ProcessCpu.byThreadSince(broker, profiled.threads());
            StringBuilder text = new StringBuilder();
            spent.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> text.append(String.format("%8.0f ms  %s%n", e.getValue() / 1e6, e.getKey())));
            try {
                Files.writeString(Path.of(PROFILE, profiled.name() + ".threads.txt"), text);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the thread profile", e);
            }
        }
    }

    private record Profiled(String name, java.util.Map<Long, ProcessCpu.ThreadCpu> threads) {
    }

    /** JFR settings of {@code -Dbroker.profile}: a name or a .jfc file ({@code -Dbroker.profile.settings}). */
    private static final String PROFILE_SETTINGS = System.getProperty("broker.profile.settings", "profile");
    private static Profiled profiled;

    private static void jcmd(long broker, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(broker)));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }

    /** The highest VmRSS seen (sampled every 100 ms) while 64 slow streams run through the broker. */
    private static long residentUnderStreams(BenchmarkBrokerProcess broker, LoadGenerator.Call stream)
            throws InterruptedException {
        AtomicLong highest = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                highest.accumulateAndGet(broker.residentBytes(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        LoadGenerator.Outcome streams = LoadGenerator.run(64, 64, Duration.ofSeconds(60), stream);
        sampler.interrupt();
        sampler.join();
        if (streams.failures() > 0 || streams.latencies().length != 64) {
            throw new IllegalStateException("slow streams failed: " + streams.firstFailure());
        }
        return highest.get();
    }

    /** A prompt of 30 words: the dev model echoes 24 tokens and adds a sentence, about 35 tokens. */
    private static String longPrompt() {
        return "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
                + " seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive"
                + " twentysix twentyseven twentyeight twentynine thirty";
    }

    private static void print(PrintStream out, List<Row> rows, List<Throughput> throughput, long[] memory)
            throws IOException {
        out.println();
        out.println("Broker benchmark, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores (" + cpuModel() + "), JDK " + Runtime.version() + ", broker JVM " + String.join(" ", BROKER_JVM));
        out.println();
        out.println("| measurement | upstream | relay | concurrency | direct p50 ms | relayed p50 ms | added p50 ms"
                + " | direct p99 ms | relayed p99 ms | added p99 ms | requests (each) |");
        out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            LoadGenerator.Outcome direct = row.direct().outcome();
            LoadGenerator.Outcome broker = row.broker().outcome();
            long d50 = direct.percentile(50);
            long b50 = broker.percentile(50);
            long d99 = direct.percentile(99);
            long b99 = broker.percentile(99);
            out.printf("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %,d |%n", row.what(), row.upstream(),
                    row.relay(), row.concurrency(), ms(d50),
                    ms(b50), ms(b50 - d50), ms(d99), ms(b99), ms(b99 - d99),
                    Math.min(direct.latencies().length, broker.latencies().length));
            failures(out, "direct", direct);
            failures(out, row.relay(), broker);
        }
        if (!rows.isEmpty()) {
            out.println();
            out.println("CPU per request in microseconds (user + system, all threads). \"Client + upstream\" is the"
                    + " benchmark JVM (load generator and the dev model server); the relay is its own process.");
            out.println();
            out.println("| measurement | upstream | relay | concurrency | direct: client + upstream µs | relayed: client +"
                    + " upstream µs | relayed: relay µs | relayed: total µs | added µs |");
            out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
            for (Row row : rows) {
                out.printf("| %s | %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n", row.what(), row.upstream(),
                        row.relay(), row.concurrency(), row.direct().selfMicros(), row.broker().selfMicros(),
                        row.broker().brokerMicros(), row.broker().totalMicros(),
                        row.broker().totalMicros() - row.direct().totalMicros());
            }
        }
        Throughput best = null;
        if (!throughput.isEmpty()) {
            out.println();
            out.println("| broker, dev model in-process | concurrency | requests/s | p50 ms | p99 ms | broker CPU µs/request"
                    + " | client CPU µs/request |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            best = throughput.getFirst();
            for (Throughput t : throughput) {
                out.printf("| chat, whole answer | %d | %,.0f | %s | %s | %.0f | %.0f |%n", t.concurrency(),
                        t.outcome().perSecond(), ms(t.outcome().percentile(50)), ms(t.outcome().percentile(99)),
                        t.measured().brokerMicros(), t.measured().selfMicros());
                failures(out, "broker", t.outcome());
                best = t.outcome().perSecond() > best.outcome().perSecond() ? t : best;
            }
        }
        out.println();
        if (memory[1] > 0) {
            out.printf("Broker resident memory: %d MB after the latency runs, %d MB at most under 64 concurrent slow streams"
                    + " (%d ms per token), peak so far (VmHWM) %d MB.%n", mb(memory[0]), mb(memory[1]),
                    SLOW_TOKEN.toMillis(), mb(memory[2]));
            out.println();
        }
        for (Row row : rows) {
            if (row.concurrency() == 16 && row.relay().equals("nginx")) {
                out.printf("- reference: nginx alone adds %s / %s ms (p50 / p99) at concurrency 16, %s%n",
                        ms(added(row, 50)), ms(added(row, 99)), row.what());
            }
        }
        for (Row row : rows) {
            if (row.concurrency() == 16 && row.relay().equals("broker")) {
                goal(out, String.format("added p50 <= 1 ms and p99 <= 5 ms at concurrency 16, %s, %s upstream (%s / %s)",
                        row.what(), row.upstream(), ms(added(row, 50)), ms(added(row, 99))),
                        added(row, 50) <= 1_000_000 && added(row, 99) <= 5_000_000);
            }
        }
        if (best != null) {
            goal(out, String.format(">= 3,000 requests/s (best: %,.0f at concurrency %d)", best.outcome().perSecond(),
                    best.concurrency()), best.outcome().perSecond() >= 3_000);
        }
        if (memory[1] > 0) {
            goal(out, "<= 300 MB resident under 64 streams", memory[1] <= 300L * 1024 * 1024);
        }
    }

    private static long added(Row row, double percentile) {
        return row.broker().outcome().percentile(percentile) - row.direct().outcome().percentile(percentile);
    }

    private static void goal(PrintStream out, String what, boolean met) {
        out.println("- goal " + what + ": " + (met ? "met" : "NOT met"));
    }

    private static void failures(PrintStream out, String path, LoadGenerator.Outcome outcome) {
        if (outcome.failures() > 0) {
            out.println("  (" + path + ": " + outcome.failures() + " failed, first: " + outcome.firstFailure() + ")");
        }
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }
}
