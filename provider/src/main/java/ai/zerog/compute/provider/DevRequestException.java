package ai.zerog.compute.provider;

/** A request the dev model rejects; becomes an OpenAI-style error JSON with {@code status}. */
final class DevRequestException extends ProviderException {
    private final int status;

    DevRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    static DevRequestException badRequest(String message) {
        return new DevRequestException(400, message);
    }

    int status() {
        return status;
    }
}
