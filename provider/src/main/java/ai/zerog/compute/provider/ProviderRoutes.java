package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ChatPricing;
import ai.zerog.compute.core.PricingJson;
import ai.zerog.compute.core.ProviderError;
import ai.zerog.compute.core.ProviderSelfHeaders;
import ai.zerog.compute.core.SessionTokenException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every path the broker serves (PROTOCOL.md §4.2), dispatched here rather than by the server's
 * router so the official path rules (a {@code /v1} after {@code /v1/proxy} collapsed, trailing
 * slash trimmed, unknown proxy paths answered 400) hold exactly. Errors of any stage are
 * rendered once, at the end.
 */
final class ProviderRoutes implements Handler {
    private static final Logger LOG = Logger.getLogger(ProviderRoutes.class.getName());
    private static final String PROXY = "/v1/proxy";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern UNSETTLED_FEE = Pattern.compile("^/v1/user/([^/]+)/unsettledfee/?$");
    private static final Pattern STORED_IMAGE = Pattern.compile("^/images/([^/]+)/([^/]+)$");
    private static final HeaderName FORWARDED_PROTO = HeaderNames.create("X-Forwarded-Proto");
    private static final HeaderName FORWARDED_HOST = HeaderNames.create("X-Forwarded-Host");
    private static final Pattern IMAGE_INDEX = Pattern.compile("^[0-9]{1,4}$");
    private static final String LOGS = "/v1/logs";
    private static final Pattern LOG_FILE = Pattern.compile("^/v1/logs/([^/]+)/([^/]+)$");

    private final ProviderConfig config;
    private final Address provider;
    private final ProxyHandler pipeline;
    private final SessionAuthenticator authenticator;
    private final FeeStore store;
    private final TeeSigner signer;
    private final Clock clock;
    private final ObjectMapper json;
    private final BrokerMetrics metrics;
    private final ChainProbe chain;
    private final StoredImages images;
    private final BrokerLogs logs;
    private final ProviderSelfAuth selfAuth;

    ProviderRoutes(ProviderConfig config, Address provider, ProxyHandler pipeline, SessionAuthenticator authenticator,
                   FeeStore store, TeeSigner signer, Clock clock, ObjectMapper json, BrokerMetrics metrics,
                   ChainProbe chain, StoredImages images, BrokerLogs logs) {
        this.config = config;
        this.provider = provider;
        this.pipeline = pipeline;
        this.authenticator = authenticator;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.chain = chain;
        this.images = images;
        this.logs = logs;
        this.selfAuth = new ProviderSelfAuth(provider, clock);
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String path = request.path().path();
        Method method = request.prologue().method();
        Cors.apply(request, response, path);
        try {
            if (method == Method.OPTIONS) {
                response.status(204).send();
            } else if (path.startsWith(PROXY + "/") || path.equals(PROXY)) {
                proxy(request, response, method, path.substring(PROXY.length()));
            } else if (path.equals("/v1/quote") && method == Method.GET) {
                response.header("Content-Type", "text/plain; charset=utf-8").send(signer.quoteDocument());
            } else if (path.equals("/v1/models") && method == Method.GET) {
                sendJson(response, 200, models());
            } else if (UNSETTLED_FEE.matcher(path).matches() && method == Method.GET) {
                unsettledFee(request, response, path);
            } else if (path.equals("/health") || path.equals("/v1/health")) {
                health(response);
            } else if ((path.equals(LOGS) || path.startsWith(LOGS + "/")) && method == Method.GET) {
                logs(request, response, path);
            } else if (path.equals("/metrics") && method == Method.GET) {
                response.header("Content-Type", PROMETHEUS_TEXT).send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
            } else {
                sendError(response, 404, "{\"error\":\"not found: " + method.text() + " " + path.replace("\"", "") + "\"}");
            }
        } catch (BrokerErrorException e) {
            metrics.rejected(e.error());
            e.headers().forEach(response::header);
            sendError(response, e.status(), e.json());
        } catch (ProviderAuthException e) {
            sendError(response, e.status(), e.json());
        } catch (SessionTokenException e) {
            metrics.rejected(e.error());
            sendError(response, e.error().httpStatus(), e.json());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + method.text() + " " + path + " failed", e);
            metrics.rejected(ProviderError.INTERNAL_ERROR);
            BrokerErrorException internal = new BrokerErrorException(ProviderError.INTERNAL_ERROR, e.toString());
            sendError(response, internal.status(), internal.json());
        }
    }

    private void proxy(ServerRequest request, ServerResponse response, Method method, String subPath) {
        String normalised = ProxyEndpoint.normalise(subPath);
        if (normalised.startsWith("/signature/") && method == Method.GET) {
            signature(response, normalised.substring("/signature/".length()));
            return;
        }
        Matcher image = STORED_IMAGE.matcher(normalised);
        if (image.matches() && method == Method.GET) {
            storedImage(response, image.group(1), image.group(2));
            return;
        }
        Optional<ProxyEndpoint> endpoint = ProxyEndpoint.of(subPath);
        if (endpoint.isEmpty() || method != Method.POST) {
            throw new BrokerErrorException(ProviderError.UNSUPPORTED_ENDPOINT);
        }
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        Optional<String> authorization = request.headers().first(HeaderNames.AUTHORIZATION);
        pipeline.handle(new ProxyExchange(endpoint.get(), contentType, body(request), authorization, response,
                baseUrl(request)));
    }

    /**
     * The broker's base URL as the client reached it: the broker is not told its public URL, so
     * the {@code Host} header (or a reverse proxy's {@code X-Forwarded-Host}/{@code -Proto}) names
     * it. Only the same client sees the result, so trusting these headers harms nobody else.
     */
    static String baseUrl(ServerRequest request) {
        String scheme = request.headers().first(FORWARDED_PROTO).map(String::strip)
                .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> s.equals("http") || s.equals("https"))
                .orElse(request.isSecure() ? "https" : "http");
        String host = request.headers().first(FORWARDED_HOST).map(h -> h.split(",")[0].strip())
                .or(() -> request.headers().first(HeaderNames.HOST).map(String::strip))
                .filter(h -> !h.isEmpty() && h.chars().noneMatch(c -> c <= ' ' || c == '/' || c == '"'))
                .orElseGet(() -> request.requestedUri().authority());
        return scheme + "://" + host;
    }

    /**
     * A stored image of an answer returned by URL (§9.6): no auth, since the URL itself is the
     * unguessable secret; 404 for anything not (or no longer) stored, a malformed index included.
     */
    private void storedImage(ServerResponse response, String chatKey, String index) {
        Instant now = clock.instant();
        Optional<StoredImages.Image> found = IMAGE_INDEX.matcher(index).matches()
                ? images.find(chatKey, Integer.parseInt(index), now) : Optional.empty();
        if (found.isEmpty()) {
            sendError(response, 404, "{\"error\":\"image not found or expired: "
                    + (chatKey + "/" + index).replaceAll("[^A-Za-z0-9._-]", "_") + "\"}");
            return;
        }
        StoredImages.Image stored = found.get();
        long remaining = Math.max(0, Duration.between(now, stored.expiresAt()).toSeconds());
        response.status(200)
                .header("Content-Type", stored.contentType())
                .header("Cache-Control", "private, max-age=" + remaining + ", immutable")
                .send(stored.bytes());
    }

    /** The provider's own log files (§3.8 provider-self auth): the list, or one file's bytes. */
    private void logs(ServerRequest request, ServerResponse response, String path) {
        selfAuth.check(request.headers().first(HeaderNames.create(ProviderSelfHeaders.ADDRESS)),
                request.headers().first(HeaderNames.create(ProviderSelfHeaders.TOKEN)),
                request.headers().first(HeaderNames.create(ProviderSelfHeaders.SIGNATURE)));
        if (path.equals(LOGS)) {
            String component = request.query().first("component").orElse("both");
            if (!component.equals("both") && !BrokerLogs.COMPONENTS.contains(component)) {
                throw new ProviderAuthException(404, "unknown log component (expected broker, event or both)");
            }
            ArrayNode files = json.createArrayNode();
            for (BrokerLogs.LogFile file : logs.list(component)) {
                files.addObject().put("component", file.component()).put("filename", file.filename())
                        .put("size", file.size())
                        .put("modifiedTime", file.modified().truncatedTo(ChronoUnit.MILLIS).toString())
                        .put("isCurrent", file.current());
            }
            ObjectNode body = json.createObjectNode();
            body.set("files", files);
            sendJson(response, 200, body);
            return;
        }
        Matcher m = LOG_FILE.matcher(path);
        Path file = (m.matches() ? logs.find(m.group(1), m.group(2)) : Optional.<Path>empty())
                .orElseThrow(() -> new ProviderAuthException(404, "log file not found"));
        try {
            response.status(200).header("Content-Type", "text/plain; charset=utf-8").send(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProviderAuthException(404, "log file not found");
        }
    }

    private byte[] body(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > config.maxBodyBytes()) {
            throw new BrokerErrorException(ProviderError.BODY_TOO_LARGE, config.maxBodyBytes());
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
            if (body.length > config.maxBodyBytes()) {
                throw new BrokerErrorException(ProviderError.BODY_TOO_LARGE, config.maxBodyBytes());
            }
            return body;
        } catch (IOException e) {
            throw new BrokerErrorException(ProviderError.BAD_REQUEST_BODY, "unreadable body: " + e.getMessage());
        }
    }

    /** 200 while the chain RPC answers; 503 otherwise, since no request could be admitted or settled. */
    private void health(ServerResponse response) {
        Optional<Long> block = chain.latestBlock();
        ObjectNode body = json.createObjectNode().put("status", block.isPresent() ? "ok" : "degraded")
                .put("provider", provider.hex())
                .put("chain", block.isPresent() ? "ok" : "unreachable");
        block.ifPresent(number -> body.put("block", number));
        sendJson(response, block.isPresent() ? 200 : 503, body);
    }

    private void signature(ServerResponse response, String chatId) {
        String key = chatId.toLowerCase(Locale.ROOT);
        StoredSignature stored = store.signature(key)
                .filter(s -> s.createdAt().plus(config.signatureRetention()).isAfter(clock.instant()))
                .orElseThrow(() -> new BrokerErrorException(ProviderError.SIGNATURE_NOT_FOUND, chatId));
        ObjectNode body = json.createObjectNode()
                .put("text", stored.text())
                .put("signature", stored.signature().hex())
                .put("signing_address", signer.address().checksummed())
                .put("signing_algo", "ecdsa");
        sendJson(response, 200, body);
    }

    private void unsettledFee(ServerRequest request, ServerResponse response, String path) {
        Matcher m = UNSETTLED_FEE.matcher(path);
        m.matches();
        String asked = m.group(1);
        Address user = authenticator.authenticate(request.headers().first(HeaderNames.AUTHORIZATION));
        if (!user.hex().equalsIgnoreCase(asked)) {
            throw new BrokerErrorException(ProviderError.UNSETTLED_FEE_OTHER_USER);
        }
        sendJson(response, 200, json.createObjectNode()
                .put("userAddress", asked)
                .put("unsettledFee", store.unsettledFee(user).toString()));
    }

    private ObjectNode models() {
        ObjectNode model = json.createObjectNode()
                .put("id", config.model())
                .put("object", "model")
                .put("created", clock.instant().getEpochSecond())
                .put("owned_by", provider.checksummed())
                .put("type", config.serviceType());
        ObjectNode pricing = model.putObject("pricing")
                .put("prompt", config.inputPrice().toString())
                .put("completion", config.outputPrice().toString());
        ChatPricing chat = config.chatPricing();
        if (chat.tiered()) {
            pricing.set("tiered_pricing", PricingJson.MODELS.write(chat.tiers()));
        }
        if (chat.cache().enabled()) {
            pricing.set("cache_token_billing", PricingJson.MODELS.write(chat.cache()));
        }
        model.put("verifiability", config.verifiability())
                .put("tee_attested", true)
                .put("tee_type", signer.kind());
        model.putObject("rate_limits").put("requests_per_minute", config.limits().requestsPerMinute());
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        data.add(model);
        return list;
    }

    private void sendJson(ServerResponse response, int status, ObjectNode body) {
        try {
            response.status(status).header("Content-Type", "application/json").send(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new ProviderException("cannot write JSON", e);
        }
    }

    private static void sendError(ServerResponse response, int status, String body) {
        if (response.isSent()) {
            return;
        }
        response.status(status).header("Content-Type", "application/json")
                .send(body.getBytes(StandardCharsets.UTF_8));
    }
}
