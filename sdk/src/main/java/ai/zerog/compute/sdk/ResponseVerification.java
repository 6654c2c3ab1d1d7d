package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code processResponse}: whether the provider proved the answer, and if not, why.
 * A {@code false} answer means "do not trust this response", not "something broke". A verified
 * one carries the address that signed (the service's TEE signer, or the model's own TEE for a
 * separated model) and the text it signed, so a user interface can show the proof as checked.
 */
public record ResponseVerification(boolean verified, Optional<String> failure, Optional<Address> signer,
                                   Optional<String> signedText) {
    public ResponseVerification {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signedText, "signedText");
        if (verified == failure.isPresent()) {
            throw new SdkException("a verified response has no failure reason and a failed one has one");
        }
        if (verified != (signer.isPresent() && signedText.isPresent())) {
            throw new SdkException("a verified response names its signer and signed text, and only a verified one does");
        }
    }

    /** A failed verdict (or, with {@code verified} true and no failure, rejected: a verified one needs its proof). */
    public ResponseVerification(boolean verified, Optional<String> failure) {
        this(verified, failure, Optional.empty(), Optional.empty());
    }

    static ResponseVerification ok(Address signer, String signedText) {
        return new ResponseVerification(true, Optional.empty(), Optional.of(signer), Optional.of(signedText));
    }

    static ResponseVerification failed(String reason) {
        return new ResponseVerification(false, Optional.of(reason));
    }
}
