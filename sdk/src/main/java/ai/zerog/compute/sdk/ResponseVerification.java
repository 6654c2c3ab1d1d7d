package ai.zerog.compute.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@code processResponse}: whether the provider proved the answer, and if not, why.
 * A {@code false} answer means "do not trust this response", not "something broke".
 */
public record ResponseVerification(boolean verified, Optional<String> failure) {
    public ResponseVerification {
        Objects.requireNonNull(failure, "failure");
        if (verified == failure.isPresent()) {
            throw new SdkException("a verified response has no failure reason and a failed one has one");
        }
    }

    static ResponseVerification ok() {
        return new ResponseVerification(true, Optional.empty());
    }

    static ResponseVerification failed(String reason) {
        return new ResponseVerification(false, Optional.of(reason));
    }
}
