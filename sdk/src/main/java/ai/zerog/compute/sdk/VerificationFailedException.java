package ai.zerog.compute.sdk;

/**
 * A check of the provider's trustworthiness failed: a response signature that does not match
 * the TEE signer, hashes that do not match what was received, or an attestation that does not
 * hold. Do not trust that response or provider; report it and consider another provider.
 */
public final class VerificationFailedException extends SdkException {
    public VerificationFailedException(String message) {
        super(message);
    }

    public VerificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
