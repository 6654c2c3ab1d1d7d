package ai.zerog.compute.provider;

/** A {@code multipart/form-data} body or its content type is malformed; the caller answers 400. */
public final class MultipartFormException extends ProviderException {
    public MultipartFormException(String message) {
        super(message);
    }
}
