package ai.zerog.compute.core;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A session token as it travels (PROTOCOL.md §3.2–§3.3): the exact JSON text that was signed and the
 * signature string, both kept verbatim because the broker hashes what it received. Equal instances
 * are the same credential, so a broker can use them as keys of its verified-token cache.
 */
public record SignedSessionToken(String rawMessage, String signatureHex) {

    public static final String API_KEY_PREFIX = "app-sk-";
    public static final String BEARER_PREFIX = "Bearer " + API_KEY_PREFIX;

    public SignedSessionToken {
        Objects.requireNonNull(rawMessage, "rawMessage");
        Objects.requireNonNull(signatureHex, "signatureHex");
    }

    /** Shows the token text only: text plus signature is a bearer credential and must not reach logs. */
    @Override
    public String toString() {
        return "SignedSessionToken[" + rawMessage + ", signature redacted]";
    }

    /** Signs {@code token.toJson()} the way the SDK does: {@code personal_sign} over the 32 raw bytes of its keccak256. */
    public static SignedSessionToken sign(SessionToken token, Secp256k1Key key) {
        String raw = token.toJson();
        Signature signature = key.signPersonalMessage(Hash32.keccak256(raw).bytes());
        return new SignedSessionToken(raw, signature.hex());
    }

    /**
     * §3.6 steps 1–3: {@code Bearer app-sk-} prefix, standard padded base64, split at the first {@code |}.
     * Pass an empty string when the header is absent.
     *
     * @throws SessionTokenException {@link ProviderError#MISSING_AUTHORIZATION}, {@code TOKEN_INVALID_BASE64}
     *     or {@code TOKEN_INVALID_PAYLOAD}
     */
    public static SignedSessionToken fromAuthorizationHeader(String headerValue) {
        if (headerValue == null || !headerValue.startsWith(BEARER_PREFIX)) {
            throw new SessionTokenException(ProviderError.MISSING_AUTHORIZATION);
        }
        String payload = decodePayload(headerValue.substring(BEARER_PREFIX.length()));
        int separator = payload.indexOf('|');
        if (separator < 0) {
            throw new SessionTokenException(ProviderError.TOKEN_INVALID_PAYLOAD, "no '|' separator");
        }
        return new SignedSessionToken(payload.substring(0, separator), payload.substring(separator + 1));
    }

    /** The same checks for a bare API key {@code app-sk-…} (as shown by {@code get-secret}). */
    public static SignedSessionToken fromApiKey(String apiKey) {
        return fromAuthorizationHeader(apiKey == null ? "" : "Bearer " + apiKey);
    }

    /** {@code "app-sk-" + base64(rawMessage + "|" + signature)}, standard alphabet with padding. */
    public String apiKey() {
        String payload = rawMessage + "|" + signatureHex;
        return API_KEY_PREFIX + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Authorization} header value: {@code "Bearer " + apiKey()}. */
    public String authorizationHeader() {
        return "Bearer " + apiKey();
    }

    /** §3.6 step 4: the token fields, parsed from {@link #rawMessage()}. */
    public SessionToken token() {
        return SessionToken.parse(rawMessage);
    }

    /** keccak256 of the UTF-8 raw message: the 32 bytes that are personal-signed. */
    public Hash32 messageHash() {
        return Hash32.keccak256(rawMessage);
    }

    /** {@code EIP-191(messageHash)} with length prefix 32: the digest the signature is over. */
    public Hash32 digest() {
        return Signatures.personalMessageHash(messageHash().bytes());
    }

    /** §3.6 step 10 without the address comparison: who signed, or empty if the signature is unusable. */
    public Optional<Address> recoverSigner() {
        try {
            return Optional.of(recoverOrThrow());
        } catch (SessionTokenException unusable) {
            return Optional.empty();
        }
    }

    /**
     * Decodes like go-ethereum {@code hexutil.Decode} ({@code 0x}/{@code 0X} prefix, even number of
     * hex digits), requires 65 bytes with v 27/28, and recovers the signer of {@link #digest()}.
     */
    Address recoverOrThrow() {
        byte[] bytes = decodeSignatureHex(signatureHex);
        if (bytes.length != Signature.LENGTH) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_LENGTH);
        }
        int v = bytes[64] & 0xFF;
        if (v != 27 && v != 28) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_UNRECOVERABLE, "v must be 27 or 28, got " + v);
        }
        return Signatures.recoverDigest(digest(), lowS(Signature.fromBytes(bytes)))
                .orElseThrow(() -> new SessionTokenException(
                        ProviderError.TOKEN_SIGNATURE_UNRECOVERABLE, "r or s is zero or out of range"));
    }

    /**
     * The official broker recovers with go-ethereum, which also accepts the high-s twin of a signature
     * (some KMS signers produce those). Flipping s and v gives the same signer, so accept it too.
     */
    private static Signature lowS(Signature signature) {
        BigInteger s = signature.s();
        if (s.compareTo(Curve.HALF_N) <= 0 || s.compareTo(Curve.N) >= 0) {
            return signature;
        }
        return Signature.fromComponents(signature.r(), Curve.N.subtract(s), signature.v() == 27 ? 28 : 27);
    }

    private static byte[] decodeSignatureHex(String text) {
        if (text.isEmpty()) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_FORMAT, "empty signature");
        }
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_FORMAT, "missing 0x prefix");
        }
        if (text.length() % 2 != 0) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_FORMAT, "odd number of hex digits");
        }
        if (!Hex.isHexDigits(text, 2)) {
            throw new SessionTokenException(ProviderError.TOKEN_SIGNATURE_FORMAT, "non-hex character");
        }
        return HexFormat.of().parseHex(text, 2, text.length());
    }

    /** Standard base64 with mandatory padding, as Go's {@code base64.StdEncoding}; the text must be UTF-8. */
    private static String decodePayload(String base64) {
        if (base64.length() % 4 != 0) {
            throw new SessionTokenException(ProviderError.TOKEN_INVALID_BASE64,
                    "length " + base64.length() + " is not a multiple of 4");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SessionTokenException(ProviderError.TOKEN_INVALID_BASE64, e.getMessage());
        }
        try {
            // Strict: a lenient decode would swap bad bytes for U+FFFD and silently change the signed text.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SessionTokenException(ProviderError.TOKEN_INVALID_PAYLOAD, "not valid UTF-8");
        }
    }
}
