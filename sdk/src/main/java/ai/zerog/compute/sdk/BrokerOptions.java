package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.GasPricing;
import ai.zerog.compute.chain.TxListener;
import ai.zerog.compute.chain.TxOptions;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ZgComputeBroker} sends transactions: the gas price rule (the official SDK's
 * {@code gasPrice}, {@code maxGasPrice} and {@code step}), who hears about each transaction (its
 * hash as soon as the node accepts it, then the receipt) and how long to wait for a receipt.
 * Immutable; start from {@link #defaults()}.
 */
public record BrokerOptions(GasPricing gasPricing, TxListener txListener, Duration receiptTimeout) {
    public BrokerOptions {
        Objects.requireNonNull(gasPricing, "gasPricing");
        Objects.requireNonNull(txListener, "txListener");
        if (receiptTimeout.isNegative() || receiptTimeout.isZero()) {
            throw new InvalidInputException("the receipt timeout must be positive, got " + receiptTimeout);
        }
    }

    /** Node prices, no listener, 300 s receipt wait (as the official SDK). */
    public static BrokerOptions defaults() {
        TxOptions chain = TxOptions.defaults();
        return new BrokerOptions(chain.gasPricing(), chain.listener(), chain.receiptTimeout());
    }

    /** Every transaction at exactly {@code neuronPerGas} (sent as a legacy transaction). */
    public BrokerOptions withGasPrice(BigInteger neuronPerGas) {
        GasPricing fixed = pricing(() -> GasPricing.fixed(neuronPerGas));
        return new BrokerOptions(gasPricing.maxPrice().map(max -> bumps(fixed, max, gasPricing.stepTenths())).orElse(fixed),
                txListener, receiptTimeout);
    }

    /**
     * Retries transactions the node refuses as underpriced at {@code price × stepTenths / 10}
     * ({@code 11} = ×1.1), up to {@code maxNeuronPerGas}.
     */
    public BrokerOptions withGasBumps(BigInteger maxNeuronPerGas, int stepTenths) {
        return new BrokerOptions(bumps(gasPricing, maxNeuronPerGas, stepTenths), txListener, receiptTimeout);
    }

    public BrokerOptions withTxListener(TxListener listener) {
        return new BrokerOptions(gasPricing, listener, receiptTimeout);
    }

    public BrokerOptions withReceiptTimeout(Duration timeout) {
        return new BrokerOptions(gasPricing, txListener, timeout);
    }

    TxOptions txOptions() {
        return TxOptions.defaults().withReceiptTimeout(receiptTimeout).withGasPricing(gasPricing).withListener(txListener);
    }

    private static GasPricing bumps(GasPricing pricing, BigInteger max, int stepTenths) {
        return pricing(() -> pricing.withBumpsUpTo(max, stepTenths));
    }

    private static GasPricing pricing(java.util.function.Supplier<GasPricing> rule) {
        try {
            return rule.get();
        } catch (ChainException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
