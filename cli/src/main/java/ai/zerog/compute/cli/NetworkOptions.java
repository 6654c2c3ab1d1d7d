package ai.zerog.compute.cli;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.GasPricing;
import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The network options every chain command takes (CLI-AND-UI.md §1.3): {@code --rpc} for this run
 * only, contract overrides, and gas pricing. Use as {@code @Mixin NetworkOptions network;} and
 * hand it to {@link CliBrokers}. Gas: by default every transaction is priced from the node's current
 * fees; {@code --gas-price} fixes the price (sent as a legacy transaction, so the receipt shows exactly
 * that price); {@code --max-gas-price} retries transactions the node refuses as underpriced at
 * {@code price × step / 10} up to that maximum.
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

    @Option(names = "--gas-price", paramLabel = "<price>",
            description = "Fixed gas price in neuron (wei) for every transaction of this command (default: the node's current price)")
    BigInteger gasPrice;

    @Option(names = "--max-gas-price", paramLabel = "<price>",
            description = "Retry transactions the node refuses as underpriced at a higher gas price, up to this many neuron (wei)")
    BigInteger maxGasPrice;

    @Option(names = "--step", paramLabel = "<step>",
            description = "With --max-gas-price: the gas price bump per retry in tenths, price x step / 10 (default 11 = x1.1)")
    BigInteger step;

    /** The command this mixin is part of, to learn whether it prints JSON. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /** How this command's transactions are priced; a contradictory combination is a {@link CliFailure}. */
    public GasPricing gasPricing() {
        if (step != null && maxGasPrice == null) {
            throw new CliFailure("--step applies only with --max-gas-price",
                    "Add --max-gas-price <price> (the highest gas price to retry with), or drop --step.");
        }
        if (step != null && (step.compareTo(BigInteger.valueOf(11)) < 0 || step.compareTo(BigInteger.valueOf(1_000)) > 0)) {
            throw new CliFailure("--step must be a whole number from 11 to 1000 (tenths: 11 = x1.1), got " + step,
                    "Example: --max-gas-price 10000000000 --step 12");
        }
        try {
            GasPricing pricing = gasPrice == null ? GasPricing.fromNode() : GasPricing.fixed(gasPrice);
            return maxGasPrice == null ? pricing
                    : pricing.withBumpsUpTo(maxGasPrice, step == null ? GasPricing.DEFAULT_STEP_TENTHS : step.intValueExact());
        } catch (ChainException e) {
            throw new CliFailure("invalid gas options: " + e.getMessage(),
                    "Gas prices are whole numbers of neuron (wei), e.g. --gas-price 4000000000 for 4 gwei;"
                            + " --max-gas-price must not be below --gas-price.");
        }
    }

    /** Whether the command was asked for {@code --json} (then chatter goes to stderr, not stdout). */
    boolean jsonOutput() {
        if (command == null) {
            return false;
        }
        OptionSpec json = command.findOption("--json");
        return json != null && Boolean.TRUE.equals(json.getValue());
    }
}
