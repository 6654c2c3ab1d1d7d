package ai.zerog.compute.cli;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The network options every chain command takes (CLI-AND-UI.md §1.3): {@code --rpc} for this run
 * only, contract overrides, and gas pricing. Use as {@code @Mixin NetworkOptions network;} and
 * hand it to {@link CliBrokers}. The gas options are accepted for compatibility but hidden: the SDK
 * prices transactions from the node until it offers a way to set them.
 */
public final class NetworkOptions {
    @Option(names = "--rpc", paramLabel = "<url>", description = "JSON-RPC endpoint for this run (beats ZG_RPC_ENDPOINT, RPC_ENDPOINT and the saved network)")
    String rpc;

    @Option(names = "--ledger-ca", paramLabel = "<address>", converter = AddressConverter.class,
            description = "LedgerManager contract address (default: env LEDGER_CA, then the network's)")
    Address ledgerCa;

    @Option(names = "--inference-ca", paramLabel = "<address>", converter = AddressConverter.class,
            description = "InferenceServing contract address (default: env INFERENCE_CA, then the network's)")
    Address inferenceCa;

    @Option(names = "--fine-tuning-ca", paramLabel = "<address>", hidden = true,
            description = "FineTuningServing contract address (accepted for compatibility; fine-tuning is not supported)")
    String fineTuningCa;

    @Option(names = "--gas-price", paramLabel = "<price>", hidden = true, description = "Gas price in neuron for transactions")
    BigInteger gasPrice;

    @Option(names = "--max-gas-price", paramLabel = "<price>", hidden = true, description = "Maximum gas price in neuron when retrying underpriced transactions")
    BigInteger maxGasPrice;

    @Option(names = "--step", paramLabel = "<step>", hidden = true, description = "Gas price bump per retry, in tenths (11 = x1.1)")
    BigInteger step;

    public NetworkOptions() {
    }

    /** A programmatic instance (for commands that build their broker without picocli parsing). */
    public static NetworkOptions of(Optional<String> rpc, Optional<Address> ledgerCa, Optional<Address> inferenceCa) {
        NetworkOptions options = new NetworkOptions();
        options.rpc = rpc.orElse(null);
        options.ledgerCa = ledgerCa.orElse(null);
        options.inferenceCa = inferenceCa.orElse(null);
        return options;
    }

    public Optional<String> rpc() {
        return Optional.ofNullable(rpc).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<Address> ledgerCa() {
        return Optional.ofNullable(ledgerCa);
    }

    public Optional<Address> inferenceCa() {
        return Optional.ofNullable(inferenceCa);
    }

    public Optional<BigInteger> gasPrice() {
        return Optional.ofNullable(gasPrice);
    }

    public Optional<BigInteger> maxGasPrice() {
        return Optional.ofNullable(maxGasPrice);
    }

    public Optional<BigInteger> step() {
        return Optional.ofNullable(step);
    }
}
