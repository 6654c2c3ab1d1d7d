package ai.zerog.compute.provider;

import ai.zerog.compute.core.ProviderError;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the broker answers with one of the catalogued errors; thrown by any stage of the
 * request path and rendered once, as {@code {"error": "..."}} with the catalogue's status.
 */
public final class BrokerErrorException extends ProviderException {
    private final ProviderError error;
    private final String clientMessage;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public BrokerErrorException(ProviderError error, Object... args) {
        this(error, error.message(args));
    }

    private BrokerErrorException(ProviderError error, String clientMessage) {
        super(clientMessage);
        this.error = error;
        this.clientMessage = clientMessage;
    }

    /** For entries whose text core builds itself, e.g. {@code AdmissionRule.insufficientBalanceMessage}. */
    static BrokerErrorException withMessage(ProviderError error, String clientMessage) {
        if (error.httpStatus() >= 500) {
            throw new IllegalArgumentException("5xx answers carry the status text only, not " + clientMessage);
        }
        return new BrokerErrorException(error, clientMessage);
    }

    public ProviderError error() {
        return error;
    }

    public int status() {
        return error.httpStatus();
    }

    /** Adds a response header to send with this error, e.g. {@code Retry-After}. */
    public BrokerErrorException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public String json() {
        return "{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(clientMessage)) + "\"}";
    }
}
