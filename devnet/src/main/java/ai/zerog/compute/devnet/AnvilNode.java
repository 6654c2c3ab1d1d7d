package ai.zerog.compute.devnet;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An anvil node running as a child process of this JVM. Stop it with {@link #close()}; a shutdown
 * hook stops any node still running when the JVM exits.
 */
public final class AnvilNode implements AutoCloseable {

    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final Process process;
    private final AnvilLog log;
    private final AnvilOptions options;
    private final int port;
    private final URI rpcUrl;
    private final JsonRpcClient client;
    private final long chainId;
    private boolean closed;

    private AnvilNode(Process process, AnvilLog log, AnvilOptions options, int port, long chainId) {
        this.process = process;
        this.log = log;
        this.options = options;
        this.port = port;
        this.rpcUrl = AnvilStartup.rpcUrl(options.host(), port);
        this.client = new JsonRpcClient(rpcUrl);
        this.chainId = chainId;
    }

    /** Starts anvil (installing the node tools first if needed) and waits until it answers eth_chainId. */
    public static AnvilNode start(AnvilOptions options) {
        Path binary = NodeTools.installed().anvilBinary();
        AnvilStartup.Started started = AnvilStartup.launch(binary, options);
        return new AnvilNode(started.process(), started.log(), options, started.port(), started.chainId());
    }

    /** Private keys of anvil's well-known accounts #0..#9 for {@link AnvilOptions#DEFAULT_MNEMONIC}, 0x-prefixed. */
    public static List<String> defaultPrivateKeys() {
        return DevAccounts.PRIVATE_KEYS;
    }

    /** Checksummed addresses of anvil's well-known accounts #0..#9, matching {@link #defaultPrivateKeys()}. */
    public static List<String> defaultAddresses() {
        return DevAccounts.ADDRESSES;
    }

    public URI rpcUrl() {
        return rpcUrl;
    }

    public int port() {
        return port;
    }

    public long chainId() {
        return chainId;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public AnvilOptions options() {
        return options;
    }

    /** The last lines anvil printed, for diagnostics. */
    public List<String> lastLogLines() {
        return log.lastLines();
    }

    /**
     * Calls a JSON-RPC method and returns the raw JSON text of its result (e.g. {@code "0x7a69"} with
     * quotes, or {@code null}); throws DevnetException with the node's message on a JSON-RPC error.
     */
    public String rpc(String method, String paramsJsonArray) {
        return client.call(method, paramsJsonArray, RPC_TIMEOUT);
    }

    /** Moves the chain clock forward and mines a block carrying the new time. */
    public void increaseTime(Duration duration) {
        if (duration.isNegative() || duration.getNano() != 0) {
            throw new IllegalArgumentException("increaseTime takes a non-negative whole number of seconds, got " + duration);
        }
        rpc("evm_increaseTime", "[" + duration.toSeconds() + "]");
        mine();
    }

    public void mine() {
        rpc("evm_mine", "[]");
    }

    /** Sets the balance of {@code address0x} to {@code wei} (neuron). */
    public void setBalance(String address0x, BigInteger wei) {
        rpc("anvil_setBalance", "[" + JsonText.quote(requireAddress(address0x)) + ",\"0x"
                + requireNonNegative(wei).toString(16) + "\"]");
    }

    /** The balance of {@code address0x} in wei (neuron) at the latest block. */
    public BigInteger balance(String address0x) {
        return JsonText.quantity(rpc("eth_getBalance", "[" + JsonText.quote(requireAddress(address0x)) + ",\"latest\"]"));
    }

    public long blockNumber() {
        return JsonText.quantity(rpc("eth_blockNumber", "[]")).longValueExact();
    }

    /** The timestamp of the latest block. */
    public Instant latestBlockTimestamp() {
        String block = rpc("eth_getBlockByNumber", "[\"latest\",false]");
        String timestamp = JsonText.member(block, "timestamp")
                .orElseThrow(() -> new DevnetException("latest block has no timestamp: " + block));
        return Instant.ofEpochSecond(JsonText.quantity(timestamp).longValueExact());
    }

    /** Stops anvil gracefully (SIGTERM, so it writes its state file), forcibly after 10 s. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ProcessStopper.stopWithDescendants(process);
        RunningNodes.remove(process);
        log.awaitEnd(Duration.ofSeconds(5));
        client.close();
    }

    private static String requireAddress(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("not a 0x-prefixed 20-byte hex address: " + address);
        }
        return address;
    }

    private static BigInteger requireNonNegative(BigInteger wei) {
        if (wei.signum() < 0) {
            throw new IllegalArgumentException("balance must not be negative, got " + wei);
        }
        return wei;
    }

    @Override
    public String toString() {
        return "AnvilNode[" + rpcUrl + ", chainId=" + chainId + ", pid=" + process.pid()
                + (isAlive() ? "" : ", stopped") + "]";
    }
}
