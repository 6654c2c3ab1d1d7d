package ai.zerog.compute.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every error the provider broker answers itself (as opposed to upstream errors it passes through),
 * with HTTP status and message, shared by broker and SDK so both sides agree (PROTOCOL.md §3.6, §4.5, §8).
 * The wire body is always {@code {"error":"<message>"}}.
 *
 * <p>Messages start with the official broker's text, so {@link #fromResponse} recognises answers of
 * official providers too (they add a {@code "<context>: "} in front, hence matching by containment).
 * Some entries append a hint of what to do; their official prefix is kept as the match key.
 */
public enum ProviderError {

    // --- §3.6 session token / API key (all 400 in the official broker, see §11.2) ---
    MISSING_AUTHORIZATION(400,
            "missing or invalid Authorization header, expected Bearer app-sk-<base64(rawMessage|signature)>",
            "missing or invalid Authorization header"),
    TOKEN_INVALID_BASE64(400, "invalid base64 in Authorization header: %s"),
    TOKEN_INVALID_PAYLOAD(400,
            "invalid Authorization payload, expected base64(rawMessage|signature): %s",
            "invalid Authorization payload"),
    TOKEN_INVALID_FORMAT(400, "invalid session token format in Authorization: %s"),
    TOKEN_WRONG_PROVIDER(400, "session token is for different provider"),
    TOKEN_EPHEMERAL_WITHOUT_EXPIRY(400, "ephemeral token must have an expiration time"),
    TOKEN_EPHEMERAL_TOO_LONG(400, "ephemeral token duration cannot exceed 24 hours"),
    TOKEN_EXPIRED(400, "session token expired"),
    TOKEN_GENERATION_REVOKED(400, "session token has been revoked (generation expired)"),
    TOKEN_FUTURE_GENERATION(400, "invalid session token (future generation)"),
    TOKEN_REVOKED(400, "session token has been revoked"),
    TOKEN_SIGNATURE_FORMAT(400, "invalid signature format: %s"),
    TOKEN_SIGNATURE_LENGTH(400, "invalid signature length"),
    TOKEN_SIGNATURE_UNRECOVERABLE(400, "failed to recover public key from signature: %s"),
    TOKEN_SIGNATURE_MISMATCH(400, "signature verification failed: address mismatch"),

    // --- §4.3 step 7 account checks ---
    /** Argument: the provider address. */
    ACCOUNT_NOT_FOUND(400,
            "get account from contract, account not exist; create your sub-account with this provider with"
                    + " `0g-compute-cli transfer-fund --provider %s --amount 1`",
            "get account from contract, account not exist"),
    /** Argument: the provider address. */
    USER_NOT_ACKNOWLEDGED(400,
            "user not acknowledge the provider, please use acknowledgeProviderSigner in the SDK"
                    + " or run `0g-compute-cli inference acknowledge-provider --provider %s` first",
            "user not acknowledge the provider"),
    SERVICE_SIGNER_NOT_ACKNOWLEDGED(400, "service not acknowledge the tee signer"),
    /** Build the text with {@link AdmissionRule#insufficientBalanceMessage}; arguments in template order. */
    INSUFFICIENT_BALANCE(400,
            "insufficient balance: your locked balance is %s 0G, but the required minimum is %s 0G"
                    + " (breakdown: current request fee %s 0G + unsettled fees %s 0G + minimum locked balance %s 0G);"
                    + " add at least %s 0G: top up with `0g-compute-cli transfer-fund --provider %s --amount %s`",
            "insufficient balance"),

    // --- request shape ---
    UNSUPPORTED_ENDPOINT(400, "endpoint not supported"),
    /** Argument: what is wrong with the body. */
    BAD_REQUEST_BODY(400, "invalid request body: %s"),
    /** Arguments: requested model, served model. */
    MODEL_NOT_SUPPORTED(400, "model not supported: requested '%s', only '%s' is available"),
    UNSETTLED_FEE_OTHER_USER(403, "you can only query your own unsettled fee"),
    /** Argument: the chat id asked for. */
    SIGNATURE_NOT_FOUND(404, "chat id not found or expired: %s", "chat id not found or expired"),
    /** Argument: the limit in bytes. */
    BODY_TOO_LARGE(413, "request body too large (limit: %d bytes)"),

    // --- §8 limiters ---
    /** Argument: the per-user limit in requests per minute. */
    RATE_LIMITED(429, "Rate limit exceeded. Please slow down your request rate (limit: %d requests/min)."),
    /** Arguments: requests in flight, the limit. */
    TOO_MANY_CONCURRENT(429,
            "Too many concurrent requests. You have %d active requests (limit: %d). Please wait for some to complete."),
    TOO_MANY_REQUESTS_FROM_IP(429, "Too many requests. Please try again later."),
    // The limiters write their own body, so this 5xx keeps its text (see message()).
    SERVER_BUSY(503, "Server is currently processing too many requests. Please try again later.", Exposure.TEXT),

    // --- failures inside the broker: clients only ever see the status text ---
    /** Argument: the cause, for logs only. */
    UPSTREAM_UNAVAILABLE(502, "upstream model server unavailable: %s"),
    /** Argument: the cause, for logs only. */
    INTERNAL_ERROR(500, "internal error: %s");

    private enum Exposure {
        /** 5xx: the client sees only the HTTP status text, the template goes to logs. */
        STATUS_TEXT_ON_5XX,
        /** Always send the template text. */
        TEXT
    }

    private static final Map<Integer, String> STATUS_TEXTS = Map.of(
            500, "Internal Server Error",
            501, "Not Implemented",
            502, "Bad Gateway",
            503, "Service Unavailable",
            504, "Gateway Timeout");

    private final int httpStatus;
    private final String template;
    private final String officialPrefix;
    private final Exposure exposure;

    ProviderError(int httpStatus, String template) {
        this(httpStatus, template, fixedPart(template), Exposure.STATUS_TEXT_ON_5XX);
    }

    ProviderError(int httpStatus, String template, String officialPrefix) {
        this(httpStatus, template, officialPrefix, Exposure.STATUS_TEXT_ON_5XX);
    }

    ProviderError(int httpStatus, String template, Exposure exposure) {
        this(httpStatus, template, fixedPart(template), exposure);
    }

    ProviderError(int httpStatus, String template, String officialPrefix, Exposure exposure) {
        this.httpStatus = httpStatus;
        this.template = template;
        this.officialPrefix = officialPrefix;
        this.exposure = exposure;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The message template ({@code %s}/{@code %d} placeholders), as written to logs. */
    public String template() {
        return template;
    }

    /** How many arguments {@link #message} and {@link #json} expect. */
    public int argumentCount() {
        int count = 0;
        for (int i = 0; i + 1 < template.length(); i++) {
            if (template.charAt(i) == '%' && (template.charAt(i + 1) == 's' || template.charAt(i + 1) == 'd')) {
                count++;
            }
        }
        return count;
    }

    /** The template filled in with {@code args}: the full text for logs. */
    public String describe(Object... args) {
        if (args.length != argumentCount()) {
            throw new CoreException(name() + " needs " + argumentCount() + " message argument(s), got " + args.length);
        }
        return String.format(Locale.ROOT, template, args);
    }

    /**
     * The text a client receives. The one rule of §4.5 lives here: for a 5xx raised inside the broker
     * the official broker replaces the message with the HTTP status text, so internals never leak; the
     * limiters' 503 writes its own text and keeps it.
     */
    public String message(Object... args) {
        String full = describe(args); // checks the arguments even when the text is hidden
        return hidesText() ? STATUS_TEXTS.get(httpStatus) : full;
    }

    /** The response body {@code {"error":"<message>"}}, JSON-escaped. */
    public String json(Object... args) {
        return "{\"error\":" + Json.quote(message(args)) + "}";
    }

    /**
     * The catalogue entry a broker error response stands for, or empty when the body is not a
     * {@code {"error":"<text>"}} object or matches no entry (e.g. an upstream error passed through).
     * An entry matches when the text contains its official prefix (case-insensitively) or, for a
     * hidden 5xx, equals the status text; entries with the response's status win, then the longest prefix.
     */
    public static Optional<ProviderError> fromResponse(int status, String body) {
        Optional<String> text = errorText(body);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.get().toLowerCase(Locale.ROOT);
        ProviderError best = null;
        int bestScore = -1;
        for (ProviderError candidate : values()) {
            String key = candidate.matchKey().toLowerCase(Locale.ROOT);
            boolean matches = candidate.hidesText() ? lower.equals(key) : lower.contains(key);
            if (!matches) {
                continue;
            }
            int score = (candidate.httpStatus == status ? 1_000_000 : 0) + key.length();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean hidesText() {
        return httpStatus >= 500 && exposure == Exposure.STATUS_TEXT_ON_5XX;
    }

    private String matchKey() {
        return hidesText() ? STATUS_TEXTS.get(httpStatus) : officialPrefix;
    }

    private static Optional<String> errorText(String body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Json.parseFlatObject(body).get("error") instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (CoreException notFlatJson) {
            return Optional.empty();
        }
    }

    /** The template up to its first placeholder: what every message of this entry starts with. */
    private static String fixedPart(String template) {
        int placeholder = template.indexOf('%');
        return placeholder < 0 ? template : template.substring(0, placeholder);
    }
}
