package ai.zerog.compute.cli.devnet;

import java.math.BigInteger;

/**
 * The three dev providers, one per service type of the 0G docs, all answered by the provider
 * module's built-in dev model. Prices are neuron per unit (PROTOCOL.md §7.1): per token for the
 * chatbot, per image (output price) for text-to-image, per second of audio (input price) for
 * speech-to-text. The speech model carries the name the 0G docs' transcription samples send
 * ({@code whisper-large-v3}), so they run unchanged against the devnet; it is still the dev model.
 */
enum DevService {
    CHATBOT("chatbot", "dev-model", BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(2_000_000_000L)),
    TEXT_TO_IMAGE("text-to-image", "dev-image-model", BigInteger.ZERO, BigInteger.valueOf(1_000_000_000_000_000L)),
    SPEECH_TO_TEXT("speech-to-text", "whisper-large-v3", BigInteger.valueOf(10_000_000_000_000L), BigInteger.ZERO);

    private final String serviceType;
    private final String model;
    private final BigInteger inputPrice;
    private final BigInteger outputPrice;

    DevService(String serviceType, String model, BigInteger inputPrice, BigInteger outputPrice) {
        this.serviceType = serviceType;
        this.model = model;
        this.inputPrice = inputPrice;
        this.outputPrice = outputPrice;
    }

    String serviceType() {
        return serviceType;
    }

    String model() {
        return model;
    }

    BigInteger inputPrice() {
        return inputPrice;
    }

    BigInteger outputPrice() {
        return outputPrice;
    }

    /** The provider's devnet account: the providers follow the owner and the dev wallet. */
    int accountIndex() {
        return DevnetAccounts.FIRST_PROVIDER + ordinal();
    }

    /** The provider's port: consecutive from the first, or free ones when the first is 0. */
    int port(int firstPort) {
        return firstPort == 0 ? 0 : firstPort + ordinal();
    }
}
