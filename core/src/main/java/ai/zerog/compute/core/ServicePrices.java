package ai.zerog.compute.core;

/**
 * A service's prices in neuron per unit (PROTOCOL.md §7.1): per token for chat, per second of audio in
 * {@code inputPrice} for duration-billed speech, per image in {@code outputPrice}.
 */
public record ServicePrices(java.math.BigInteger inputPrice, java.math.BigInteger outputPrice) {

    public ServicePrices {
        AbiWords.checkUint256(inputPrice, "inputPrice");
        AbiWords.checkUint256(outputPrice, "outputPrice");
    }
}
