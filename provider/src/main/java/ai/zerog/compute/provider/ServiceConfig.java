package ai.zerog.compute.provider;

import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider registers on chain, checked when built: a known {@code serviceType}, an
 * absolute http(s) {@code publicUrl} without trailing slash, query or fragment (clients append
 * {@code /v1/proxy/…} and {@code /v1/quote} to it), a model id, prices in neuron per unit
 * (token, image or second) from 0 to 2^256−1, and a {@code verifiability} the SDK knows.
 */
public record ServiceConfig(String serviceType, URI publicUrl, String model, BigInteger inputPrice,
                            BigInteger outputPrice, String verifiability, AdditionalInfo additionalInfo) {
    public static final Set<String> SERVICE_TYPES = Set.of("chatbot", "text-to-image", "image-editing", "speech-to-text");
    /** PROTOCOL.md §6.4: what the SDK counts as verifiable, plus {@code standard} for plain forwarders. */
    public static final Set<String> VERIFIABILITY = Set.of("TeeML", "OpML", "ZKML", "standard");
    public static final String DEFAULT_VERIFIABILITY = "TeeML";

    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public ServiceConfig {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(verifiability, "verifiability");
        Objects.requireNonNull(additionalInfo, "additionalInfo");
        if (!SERVICE_TYPES.contains(serviceType)) {
            throw new ProviderException("service type '" + serviceType + "' is not one of " + sorted(SERVICE_TYPES));
        }
        checkUrl(publicUrl);
        if (model.isBlank() || !model.strip().equals(model)) {
            throw new ProviderException("model must be a non-empty id without surrounding spaces, got '" + model + "'");
        }
        checkPrice("input price", inputPrice);
        checkPrice("output price", outputPrice);
        if (!VERIFIABILITY.contains(verifiability)) {
            throw new ProviderException("verifiability '" + verifiability + "' is not one of " + sorted(VERIFIABILITY));
        }
    }

    /** A {@code TeeML} service whose broker runs {@link SoftwareTeeSigner#DEFAULT_IMAGE_NAME} in a dstack-style TEE. */
    public static ServiceConfig of(String serviceType, URI publicUrl, String model, BigInteger inputPrice,
                                   BigInteger outputPrice) {
        return new ServiceConfig(serviceType, publicUrl, model, inputPrice, outputPrice, DEFAULT_VERIFIABILITY,
                AdditionalInfo.dstack(SoftwareTeeSigner.DEFAULT_IMAGE_NAME, ""));
    }

    /**
     * What a broker running {@code config} registers at {@code publicUrl}: its type, model, prices
     * and verifiability, a dstack TEE running {@link SoftwareTeeSigner#DEFAULT_IMAGE_NAME}, and the
     * served model's tier table and cache billing in {@code additionalInfo} (PROTOCOL.md §6.3).
     */
    public static ServiceConfig forBroker(ProviderConfig config, URI publicUrl) {
        return new ServiceConfig(config.serviceType(), publicUrl, config.model(), config.inputPrice(),
                config.outputPrice(), config.verifiability(),
                AdditionalInfo.dstack(SoftwareTeeSigner.DEFAULT_IMAGE_NAME, "").withPricing(config.chatPricing()));
    }

    public ServiceConfig withModel(String newModel) {
        return new ServiceConfig(serviceType, publicUrl, newModel, inputPrice, outputPrice, verifiability,
                additionalInfo);
    }

    public ServiceConfig withPrices(BigInteger newInputPrice, BigInteger newOutputPrice) {
        return new ServiceConfig(serviceType, publicUrl, model, newInputPrice, newOutputPrice, verifiability,
                additionalInfo);
    }

    public ServiceConfig withPublicUrl(URI newPublicUrl) {
        return new ServiceConfig(serviceType, newPublicUrl, model, inputPrice, outputPrice, verifiability,
                additionalInfo);
    }

    public ServiceConfig withAdditionalInfo(AdditionalInfo newAdditionalInfo) {
        return new ServiceConfig(serviceType, publicUrl, model, inputPrice, outputPrice, verifiability,
                newAdditionalInfo);
    }

    /** The {@code addOrUpdateService} argument for this service signed by {@code teeSigner}. */
    public ServiceParams toParams(Address teeSigner) {
        return new ServiceParams(serviceType, publicUrl.toString(), model, verifiability, inputPrice, outputPrice,
                additionalInfo.json(), Objects.requireNonNull(teeSigner, "teeSigner"));
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        String text = url.toString();
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new ProviderException("public URL must start with http:// or https://, got '" + text + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new ProviderException("public URL must name a host, got '" + text + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new ProviderException("public URL must not carry user info, a query or a fragment, got '" + text + "'");
        }
        if (text.endsWith("/")) {
            throw new ProviderException("public URL must not end with '/' (clients append /v1/...), got '" + text
                    + "'; use '" + text.replaceAll("/+$", "") + "'");
        }
    }

    private static void checkPrice(String name, BigInteger price) {
        Objects.requireNonNull(price, name);
        if (price.signum() < 0 || price.compareTo(MAX_UINT256) > 0) {
            throw new ProviderException(name + " must be from 0 to 2^256-1 neuron, got " + price);
        }
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
