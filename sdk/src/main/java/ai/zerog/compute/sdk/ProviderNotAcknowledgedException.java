package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;

/**
 * The user has not acknowledged the provider's TEE signer, so the provider refuses requests and
 * settlement would fail. Transferring funds to the provider acknowledges it.
 */
public final class ProviderNotAcknowledgedException extends SdkException {
    private final Address provider;

    public ProviderNotAcknowledgedException(Address provider) {
        this(provider, "");
    }

    /** {@code detail}: what the provider or chain said, appended to the message when not blank. */
    public ProviderNotAcknowledgedException(Address provider, String detail) {
        super("provider " + provider.checksummed() + " is not acknowledged" + (detail.isBlank() ? "" : " (" + detail + ")")
                + ": acknowledge it by transferring funds, which auto-acknowledges the provider's TEE signer:"
                + " `0g-compute-cli transfer-fund --provider " + provider.checksummed() + " --amount 1`"
                + " (SDK: ledger().transferFund(provider, BigDecimal.ONE), or inference().acknowledgeProvider(provider))");
        this.provider = provider;
    }

    public Address provider() {
        return provider;
    }
}
