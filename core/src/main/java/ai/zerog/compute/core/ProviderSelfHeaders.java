package ai.zerog.compute.core;

import java.util.Map;

/**
 * The headers of provider-self authentication (PROTOCOL.md §3.8), on the provider-only routes
 * such as {@code /v1/logs}: the provider's address, its session token as raw JSON (not base64,
 * unlike {@code Authorization}) and the signature in hex. The CLI sends them; the broker reads them.
 */
public final class ProviderSelfHeaders {
    public static final String ADDRESS = "Address";
    public static final String TOKEN = "Session-Token";
    public static final String SIGNATURE = "Session-Signature";

    private ProviderSelfHeaders() {
    }

    /** The three headers for {@code provider}'s own {@code signed} token. */
    public static Map<String, String> of(Address provider, SignedSessionToken signed) {
        return Map.of(ADDRESS, provider.checksummed(), TOKEN, signed.rawMessage(), SIGNATURE, signed.signatureHex());
    }
}
