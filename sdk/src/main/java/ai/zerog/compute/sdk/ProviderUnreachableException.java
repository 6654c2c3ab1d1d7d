package ai.zerog.compute.sdk;

import java.net.URI;

/**
 * The provider's endpoint could not be reached or answered with something that is not its
 * protocol (connection refused, timeout, 5xx from a gateway). Retry later or choose another provider.
 */
public final class ProviderUnreachableException extends SdkException {
    private final URI url;

    public ProviderUnreachableException(URI url, String detail, Throwable cause) {
        super("provider endpoint " + url + " is unreachable (" + detail + "): check your network, retry later,"
                + " or pick another provider from `0g-compute-cli list-providers`"
                + " (SDK: inference().listService())", cause);
        this.url = url;
    }

    public ProviderUnreachableException(URI url, String detail) {
        this(url, detail, null);
    }

    public URI url() {
        return url;
    }
}
