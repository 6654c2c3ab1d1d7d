package ai.zerog.compute.web;

import ai.zerog.compute.chain.ContractArtifact;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import com.esaulpaugh.headlong.abi.ABIJSON;
import com.esaulpaugh.headlong.abi.Function;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Transactions a browser wallet sends itself ({@code eth_sendTransaction} in the page): the
 * calldata is encoded here from our committed contract ABIs, and the call is first estimated
 * against the chain, so a transaction the contract would refuse is reported, decoded, before the
 * wallet asks the user to confirm anything.
 */
final class BrowserTransactions implements AutoCloseable {
    private static final Map<String, Function> LEDGER = functions(ContractArtifact.LEDGER_MANAGER);
    private static final Map<String, Function> INFERENCE = functions(ContractArtifact.INFERENCE_SERVING);

    private final NetworkProfile network;
    private final EvmRpc rpc;
    private volatile String serviceName;

    BrowserTransactions(NetworkProfile network) {
        this.network = network;
        this.rpc = EvmRpc.connect(network.rpcUrl());
    }

    ObjectNode deposit(Address from, BigInteger amount) {
        return prepare("deposit " + Views.og(amount), from, network.ledger(), amount,
                LEDGER.get("depositFund").encodeCallWithArgs());
    }

    ObjectNode transfer(Address from, Address provider, BigInteger amount) {
        return prepare("transfer " + Views.og(amount) + " to provider " + provider.checksummed(), from, network.ledger(),
                BigInteger.ZERO, LEDGER.get("transferFund").encodeCallWithArgs(abi(provider), serviceName(), amount));
    }

    ObjectNode retrieve(Address from, List<Address> providers) {
        com.esaulpaugh.headlong.abi.Address[] list = providers.stream().map(BrowserTransactions::abi)
                .toArray(com.esaulpaugh.headlong.abi.Address[]::new);
        return prepare("retrieve funds from " + providers.size() + " provider(s)", from, network.ledger(),
                BigInteger.ZERO, LEDGER.get("retrieveFund").encodeCallWithArgs(list, serviceName()));
    }

    ObjectNode refund(Address from, BigInteger amount) {
        return prepare("refund " + Views.og(amount) + " to the wallet", from, network.ledger(), BigInteger.ZERO,
                LEDGER.get("refund").encodeCallWithArgs(amount));
    }

    ObjectNode revokeToken(Address from, Address provider, int tokenId) {
        return prepare("revoke API key " + tokenId + " for provider " + provider.checksummed(), from,
                network.inference(), BigInteger.ZERO, INFERENCE.get("revokeToken").encodeCallWithArgs(abi(provider), tokenId));
    }

    /** Refresh All Slots: bumps the account generation, so every API key and session token for the provider dies. */
    ObjectNode revokeAllTokens(Address from, Address provider) {
        return prepare("revoke all API keys for provider " + provider.checksummed(), from, network.inference(),
                BigInteger.ZERO, INFERENCE.get("revokeAllTokens").encodeCallWithArgs(abi(provider)));
    }

    /** Estimated first: a revert surfaces here as a decoded {@code ContractRevertException}. */
    private ObjectNode prepare(String description, Address from, Address to, BigInteger value, ByteBuffer call) {
        byte[] data = call.array();
        BigInteger gas = rpc.estimateGas(description, from, Optional.of(to), value, data);
        BigInteger withMargin = gas.multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5));
        ObjectNode tx = Json.object()
                .put("from", from.checksummed())
                .put("to", to.checksummed())
                .put("data", "0x" + HexFormat.of().formatHex(data))
                .put("value", "0x" + value.toString(16))
                .put("gas", "0x" + withMargin.toString(16));
        return Json.object().put("description", description)
                .put("chainId", "0x" + Long.toHexString(network.chainId()))
                .set("transaction", tx);
    }

    /** The ledger's name for the inference service ({@code inference-v1.0}), read once as the SDK does. */
    private String serviceName() {
        String known = serviceName;
        if (known == null) {
            known = LedgerManagerContract.readOnly(rpc, network.ledger()).getServiceInfo(network.inference()).fullName();
            if (known.isEmpty()) {
                throw new WebUiException("the ledger " + network.ledger().checksummed() + " has no inference service"
                        + " registered: check the network's contract addresses");
            }
            serviceName = known;
        }
        return known;
    }

    private static com.esaulpaugh.headlong.abi.Address abi(Address address) {
        return com.esaulpaugh.headlong.abi.Address.wrap(address.checksummed());
    }

    private static Map<String, Function> functions(String contract) {
        return ABIJSON.parseFunctions(ContractArtifact.ours(contract).abiJson()).stream()
                .collect(Collectors.toMap(Function::getName, f -> f, (first, overload) -> first));
    }

    @Override
    public void close() {
        rpc.close();
    }
}
