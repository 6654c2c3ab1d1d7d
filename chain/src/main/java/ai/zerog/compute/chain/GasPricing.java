package ai.zerog.compute.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How transactions are priced (the official CLI's {@code --gas-price}, {@code --max-gas-price} and
 * {@code --step}). By default from the node's current fees. A {@linkplain #fixed fixed} price is
 * sent as a legacy (type 0) transaction with exactly that gas price on every chain, as the official
 * SDK does, so the receipt's effective gas price is that price. With a {@linkplain #withBumpsUpTo
 * maximum}, a transaction the node refuses as underpriced is signed again at
 * {@code price × step / 10} (at least one neuron more), capped at the maximum, until the maximum
 * itself was refused. Amounts in neuron (wei).
 */
public record GasPricing(Optional<BigInteger> fixedPrice, Optional<BigInteger> maxPrice, int stepTenths) {
    /** ×1.1 per retry. */
    public static final int DEFAULT_STEP_TENTHS = 11;

    /** The node error texts (lower case) that make a retry at a higher price worthwhile. */
    private static final List<String> UNDERPRICED = List.of("transaction underpriced",
            "replacement transaction underpriced", "fee too low", "mempool");

    public GasPricing {
        fixedPrice.ifPresent(price -> requirePositive(price, "gas price"));
        maxPrice.ifPresent(price -> requirePositive(price, "maximum gas price"));
        if (stepTenths <= 10 || stepTenths > 1_000) {
            throw new ChainException("the gas price step is in tenths and must be in [11, 1000] (11 = x1.1), got "
                    + stepTenths);
        }
        if (fixedPrice.isPresent() && maxPrice.isPresent() && fixedPrice.get().compareTo(maxPrice.get()) > 0) {
            throw new ChainException("the gas price " + fixedPrice.get() + " is above the maximum gas price "
                    + maxPrice.get());
        }
    }

    /** Prices from the node's current fees, no retries. */
    public static GasPricing fromNode() {
        return new GasPricing(Optional.empty(), Optional.empty(), DEFAULT_STEP_TENTHS);
    }

    /** Every transaction at exactly {@code price} neuron per gas (legacy transactions). */
    public static GasPricing fixed(BigInteger price) {
        return new GasPricing(Optional.of(price), Optional.empty(), DEFAULT_STEP_TENTHS);
    }

    /** Retries underpriced transactions at {@code price × stepTenths / 10}, up to {@code maxPrice}. */
    public GasPricing withBumpsUpTo(BigInteger maxPrice, int stepTenths) {
        return new GasPricing(fixedPrice, Optional.of(maxPrice), stepTenths);
    }

    /** The price to retry with after {@code price} was refused, or empty when the maximum was already tried. */
    public Optional<BigInteger> bumped(BigInteger price) {
        if (maxPrice.isEmpty() || price.compareTo(maxPrice.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(raise(price).min(maxPrice.get()));
    }

    /** {@code value × step / 10}, at least one more: also used for the EIP-1559 priority fee. */
    BigInteger raise(BigInteger value) {
        return value.multiply(BigInteger.valueOf(stepTenths)).divide(BigInteger.TEN).max(value.add(BigInteger.ONE));
    }

    /** Whether a node's refusal says the price was too low (the official SDK's list of texts). */
    public static boolean isUnderpriced(String nodeError) {
        String text = nodeError.toLowerCase(Locale.ROOT);
        return UNDERPRICED.stream().anyMatch(text::contains);
    }

    private static void requirePositive(BigInteger price, String what) {
        if (price.signum() <= 0) {
            throw new ChainException("the " + what + " must be positive, got " + price);
        }
    }
}
