package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The single seam to a node's JSON-RPC. Every response passes {@link #send}, which turns
 * JSON-RPC errors into {@link RpcException} and reverts into {@link ContractRevertException},
 * so no caller can read an error as if it were data.
 */
public final class EvmRpc implements AutoCloseable {
    private final URI url;
    private final Web3j web3j;
    private volatile long chainId = -1;

    private EvmRpc(URI url) {
        this.url = url;
        OkHttpClient client = "http".equalsIgnoreCase(url.getScheme()) ? Cleartext.CLIENT : Tls.CLIENT;
        this.web3j = Web3j.build(new HttpService(url.toString(), client));
    }

    // One OkHttp client per process and kind, shared by every EvmRpc: building one costs tens of
    // milliseconds (a TLS one also loads the trust store), which a one-shot CLI command would pay
    // once per connection. Holder classes keep the TLS client unbuilt until an https RPC is used.
    private static final class Cleartext {
        static final OkHttpClient CLIENT = HttpService.getOkHttpClientBuilder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    private static final class Tls {
        static final OkHttpClient CLIENT = HttpService.getOkHttpClientBuilder().build();
    }

    public static EvmRpc connect(URI url) {
        return new EvmRpc(url);
    }

    public URI url() {
        return url;
    }

    public long chainId() {
        if (chainId < 0) {
            chainId = send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
        }
        return chainId;
    }

    public long blockNumber() {
        return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    public BlockHeader latestBlock() {
        EthBlock.Block block = send("eth_getBlockByNumber",
                web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
        Optional<BigInteger> baseFee = Optional.ofNullable(block.getBaseFeePerGasRaw()).map(Hex::toBigInteger);
        return new BlockHeader(block.getNumber().longValueExact(), block.getTimestamp().longValueExact(), baseFee);
    }

    public BigInteger balanceOf(Address account) {
        return send("eth_getBalance", web3j.ethGetBalance(account.hex(), DefaultBlockParameterName.LATEST)).getBalance();
    }

    public byte[] codeAt(Address account) {
        return Hex.decode(send("eth_getCode", web3j.ethGetCode(account.hex(), DefaultBlockParameterName.LATEST)).getCode());
    }

    public long transactionCount(Address account, boolean includePending) {
        DefaultBlockParameter block = includePending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST;
        return send("eth_getTransactionCount", web3j.ethGetTransactionCount(account.hex(), block))
                .getTransactionCount().longValueExact();
    }

    public BigInteger gasPrice() {
        return send("eth_gasPrice", web3j.ethGasPrice()).getGasPrice();
    }

    public BigInteger maxPriorityFeePerGas() {
        return send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    }

    /** eth_call at the latest block; a revert becomes a decoded {@link ContractRevertException}. */
    public byte[] call(String action, Optional<Address> from, Address to, byte[] data) {
        return callAt(action, from, to, BigInteger.ZERO, data, DefaultBlockParameterName.LATEST);
    }

    byte[] callAt(String action, Optional<Address> from, Address to, BigInteger value, byte[] data,
                  DefaultBlockParameter block) {
        Transaction tx = new Transaction(from.map(Address::hex).orElse(null), null, null, null, to.hex(),
                value, Hex.encode(data));
        String result = sendExpectingRevert(action, "eth_call", web3j.ethCall(tx, block)).getValue();
        return Hex.decode(result == null ? "0x" : result);
    }

    /** eth_estimateGas; {@code to} empty means contract creation. */
    public BigInteger estimateGas(String action, Address from, Optional<Address> to, BigInteger value, byte[] data) {
        Transaction tx = new Transaction(from.hex(), null, null, null, to.map(Address::hex).orElse(null),
                value, Hex.encode(data));
        return sendExpectingRevert(action, "eth_estimateGas", web3j.ethEstimateGas(tx)).getAmountUsed();
    }

    public Hash32 sendRawTransaction(String signedHex) {
        return Hash32.of(send("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex)).getTransactionHash());
    }

    /** The raw receipt, successful or not; empty while the transaction is not mined. */
    Optional<TransactionReceipt> rawReceipt(Hash32 transactionHash) {
        return send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(transactionHash.hex()))
                .getTransactionReceipt();
    }

    /** Logs of the given contracts in the block range [from, to]. */
    public List<LogEntry> logs(List<Address> contracts, long fromBlock, long toBlock) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
                contracts.stream().map(Address::hex).toList());
        List<EthLog.LogResult> results = send("eth_getLogs", web3j.ethGetLogs(filter)).getLogs();
        return results.stream().map(r -> toLogEntry((Log) r.get())).toList();
    }

    static LogEntry toLogEntry(Log log) {
        return new LogEntry(Address.of(log.getAddress()),
                log.getTopics().stream().map(Hash32::of).toList(),
                Hex.decode(log.getData() == null ? "0x" : log.getData()),
                log.getBlockNumber().longValueExact(), Hash32.of(log.getTransactionHash()),
                log.getLogIndex().intValueExact());
    }

    private <T extends Response<?>> T sendExpectingRevert(String action, String method, Request<?, T> request) {
        T response = transport(method, request);
        if (response.hasError()) {
            Response.Error error = response.getError();
            String message = error.getMessage() == null ? "" : error.getMessage();
            if (message.toLowerCase(java.util.Locale.ROOT).contains("revert")) {
                byte[] data = revertData(error.getData());
                throw new ContractRevertException(action, RevertDecoder.instance().decode(data));
            }
            throw new RpcException(method, error.getCode(), message);
        }
        return response;
    }

    private static byte[] revertData(String data) {
        if (data == null) {
            return new byte[0];
        }
        String trimmed = data.strip();
        if (trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.startsWith("0x") ? Hex.decode(trimmed) : new byte[0];
    }

    private <T extends Response<?>> T send(String method, Request<?, T> request) {
        T response = transport(method, request);
        if (response.hasError()) {
            throw new RpcException(method, response.getError().getCode(), response.getError().getMessage());
        }
        return response;
    }

    private <T extends Response<?>> T transport(String method, Request<?, T> request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new RpcException(method, "cannot reach the node at " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
