package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The workload {@code bin/0g-compute-cli} records its class-data archive from (run once per
 * build with {@code -XX:ArchiveClassesAtExit}): help and the usual one-shot commands against a
 * throw-away loopback JSON-RPC that serves the devnet chain id and refuses every contract call.
 * An archive recorded from whatever command a person happens to run first only covers that
 * command; this one covers the paths most commands share (picocli, config, the devnet wallet,
 * the RPC client, the SDK). It never reads the user's home or variables, and prints nothing.
 */
public final class StartupTraining {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVNET_CHAIN_ID = "0x7a69";
    private static final Address ANY_PROVIDER = Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    private static final Address ANY_CONTRACT = Address.of("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        train();
    }

    /** Runs the workload; answers how many JSON-RPC calls the commands made. */
    static int train() throws IOException {
        Path home = Files.createTempDirectory("0g-compute-cli-training");
        AtomicInteger calls = new AtomicInteger();
        HttpServer rpc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rpc.createContext("/", exchange -> {
            calls.incrementAndGet();
            answer(exchange);
        });
        rpc.start();
        try {
            String url = "http://127.0.0.1:" + rpc.getAddress().getPort();
            CliEnvironment environment = quietEnvironment(home);
            CliConfig.empty().withDevnet(url, ANY_CONTRACT, ANY_CONTRACT, 1).save(environment);
            for (List<String> command : commands()) {
                ZgComputeCli.run(environment, command.toArray(String[]::new));
            }
        } finally {
            rpc.stop(0);
            deleteTree(home);
        }
        return calls.get();
    }

    private static List<List<String>> commands() {
        String provider = ANY_PROVIDER.hex();
        return List.of(
                List.of("--help"),
                List.of("get-account", "--help"),
                List.of("get-account"),
                List.of("get-account", "--json"),
                List.of("get-sub-account", "--provider", provider),
                List.of("inference", "list-providers"),
                List.of("inference", "get-secret", "--provider", provider, "--duration", "0"),
                List.of("show-network"),
                List.of("status"));
    }

    private static CliEnvironment quietEnvironment(Path home) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        return new CliEnvironment(discard, discard, new ByteArrayInputStream(new byte[0]),
                Map.of("NO_COLOR", "1", "CI", "true"), home, false);
    }

    /** JSON-RPC: the devnet chain id, a block number and zero balances; every other call fails as a revert. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", request.get("id"));
            switch (request.path("method").asText()) {
                case "eth_chainId" -> response.put("result", DEVNET_CHAIN_ID);
                case "eth_blockNumber", "eth_getBalance", "eth_getTransactionCount" -> response.put("result", "0x1");
                default -> response.putObject("error").put("code", 3).put("message", "execution reverted")
                        .put("data", "0x");
            }
            byte[] body = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
