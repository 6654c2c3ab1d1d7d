package ai.zerog.compute.chain;

/** The node answered a JSON-RPC request with an error, or could not be reached. */
public final class RpcException extends ChainException {
    private final String method;
    private final long code;

    RpcException(String method, long code, String message) {
        super(method + " failed: " + message + " (JSON-RPC code " + code + ")");
        this.method = method;
        this.code = code;
    }

    RpcException(String method, String message, Throwable cause) {
        super(method + " failed: " + message, cause);
        this.method = method;
        this.code = 0;
    }

    public String method() {
        return method;
    }

    /** The JSON-RPC error code, or 0 when the node was not reached. */
    public long code() {
        return code;
    }
}
