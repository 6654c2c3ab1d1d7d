package ai.zerog.compute.web;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who the page can act as: the network, the local identity (connected on request) and browser
 * wallets, plus the channel through which a browser wallet's page hears about and answers the
 * session-token signatures the SDK needs.
 */
final class SessionRoutes {
    static final Duration PING_EVERY = Duration.ofSeconds(15);

    private final Wallets wallets;
    private final AtomicBoolean closing;

    SessionRoutes(Wallets wallets, AtomicBoolean closing) {
        this.wallets = wallets;
        this.closing = closing;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/api/session", ApiHandler.guarded(this::session))
                .post("/api/wallet/local/connect", ApiHandler.guarded(this::connectLocal))
                .post("/api/wallet/browser/connect", ApiHandler.guarded(this::connectBrowser))
                .get("/api/wallet/browser/requests", ApiHandler.guarded(this::signatureRequests))
                .post("/api/wallet/browser/signatures", ApiHandler.guarded(this::signature));
    }

    private void session(ServerRequest request, ServerResponse response) {
        NetworkProfile network = wallets.network();
        ObjectNode body = Json.object();
        body.putObject("network").put("name", network.name()).put("chainId", network.chainId())
                .put("chainIdHex", "0x" + Long.toHexString(network.chainId()))
                .put("rpc", network.rpcUrl().toString())
                .put("ledger", network.ledger().checksummed())
                .put("inference", network.inference().checksummed());
        ObjectNode local = body.putObject("local").put("description", wallets.identity().description())
                .put("connected", wallets.local().isPresent());
        wallets.local().ifPresent(broker -> local.put("address", broker.address().checksummed()));
        Json.ok(response, body);
    }

    private void connectLocal(ServerRequest request, ServerResponse response) {
        ZgComputeBroker broker = wallets.connectLocal();
        Json.ok(response, Json.object().put("address", broker.address().checksummed()).put("kind", "local"));
    }

    private void connectBrowser(ServerRequest request, ServerResponse response) {
        JsonNode body = Json.body(request);
        Address address = Params.address(body, "address");
        ZgComputeBroker broker = wallets.connectBrowser(address, chainId(Json.text(body, "chainId")));
        Json.ok(response, Json.object().put("address", broker.address().checksummed()).put("kind", "browser"));
    }

    private static long chainId(String text) {
        try {
            return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("chainId must be a number such as 31337 or 0x7a69, got '" + text + "'");
        }
    }

    /** An event stream of {@code sign} requests for one browser wallet, open while its page is. */
    private void signatureRequests(ServerRequest request, ServerResponse response) throws InterruptedException {
        Address wallet = Params.address(request.query().first("address").orElse(""), "address");
        try (SignatureRequests.Subscription subscription = wallets.signatures().subscribe(wallet);
             EventStream events = EventStream.open(response)) {
            events.ping();
            while (!closing.get()) {
                Optional<SignatureRequests.Pending> next = subscription.next(PING_EVERY);
                if (next.isEmpty()) {
                    events.ping();
                } else {
                    events.send("sign", Json.object().put("id", next.get().id()).put("message", next.get().messageHex())
                            .put("address", wallet.checksummed()));
                }
            }
        }
    }

    private void signature(ServerRequest request, ServerResponse response) {
        JsonNode body = Json.body(request);
        String id = Json.text(body, "id");
        Optional<String> refusal = Json.optionalText(body, "error");
        if (refusal.isPresent()) {
            wallets.signatures().refuse(id, refusal.get());
        } else {
            Signature signature;
            try {
                signature = Signature.of(Json.text(body, "signature"));
            } catch (CoreException e) {
                throw ApiProblem.badRequest("the wallet returned a malformed signature: " + e.getMessage());
            }
            wallets.signatures().answer(id, signature);
        }
        Json.ok(response, Json.object().put("ok", true));
    }
}
