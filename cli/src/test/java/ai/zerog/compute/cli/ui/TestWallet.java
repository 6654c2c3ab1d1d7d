package ai.zerog.compute.cli.ui;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.WalletSigner;
import ai.zerog.compute.devnet.AnvilNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An injected EIP-1193 wallet for the browser tests, like MetaMask to the page: {@link #SCRIPT}
 * defines {@code window.ethereum}, whose {@code request} calls this class through a Playwright
 * binding. It signs with a test key: {@code personal_sign} with the key, {@code eth_sendTransaction}
 * signed and sent by the chain module, everything else forwarded to the devnet's anvil.
 */
final class TestWallet {
    static final String BINDING = "zgTestWallet";
    /** Added with {@code addInitScript}, so the wallet exists before the page's scripts run. */
    static final String SCRIPT = """
            (() => {
              const call = async (method, params) => {
                const answer = JSON.parse(await window.zgTestWallet(method, JSON.stringify(params || [])));
                if (answer.error) { const e = new Error(answer.error.message); e.code = answer.error.code; throw e; }
                return answer.result;
              };
              window.ethereum = {
                isZgTestWallet: true,
                request: ({ method, params }) => call(method, params),
                on() {}, removeListener() {},
              };
            })();
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Secp256k1Key key;
    private final AnvilNode node;
    private final EvmRpc rpc;
    private final long chainId;
    final AtomicInteger signatures = new AtomicInteger();
    final AtomicInteger transactions = new AtomicInteger();

    TestWallet(Secp256k1Key key, AnvilNode node, EvmRpc rpc, long chainId) {
        this.key = key;
        this.node = node;
        this.rpc = rpc;
        this.chainId = chainId;
    }

    Address address() {
        return key.address();
    }

    /** The binding's body: one JSON-RPC request in, {@code {"result": …}} or {@code {"error": …}} out. */
    String handle(String method, String paramsJson) {
        ObjectNode answer = JSON.createObjectNode();
        try {
            JsonNode params = JSON.readTree(paramsJson);
            switch (method) {
                case "eth_requestAccounts", "eth_accounts" -> answer.putArray("result").add(key.address().checksummed());
                case "eth_chainId" -> answer.put("result", "0x" + Long.toHexString(chainId));
                case "wallet_switchEthereumChain" -> answer.putNull("result");
                case "personal_sign" -> {
                    byte[] message = HexFormat.of().parseHex(params.path(0).asText().substring(2));
                    signatures.incrementAndGet();
                    answer.put("result", WalletSigner.of(key).signPersonalMessage(message).hex());
                }
                case "eth_sendTransaction" -> {
                    JsonNode tx = params.path(0);
                    transactions.incrementAndGet();
                    answer.put("result", TransactionSender.create(rpc, key).send("test wallet transaction",
                            Address.of(tx.path("to").asText()), quantity(tx.path("value").asText("0x0")),
                            HexFormat.of().parseHex(tx.path("data").asText("0x").substring(2))).transactionHash().hex());
                }
                default -> answer.set("result", JSON.readTree(node.rpc(method, paramsJson)));
            }
        } catch (IOException | RuntimeException e) {
            answer.putObject("error").put("code", -32603).put("message", String.valueOf(e.getMessage()));
        }
        return answer.toString();
    }

    private static BigInteger quantity(String hex) {
        return new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
    }
}
