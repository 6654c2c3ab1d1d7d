package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /v1/verify {"id": "<chat id>"}}: the verdict the proxy reached for a recent answer
 * (the {@code x-0g-chat-id} header's id), as {@code {"isValid": true|false|null, ...}} like the
 * official proxy, plus our {@code verified}, {@code provider} and {@code reason}. Nothing is
 * fetched again: every answer was already verified as it passed.
 */
final class VerifyRoute implements ProxyRoute {
    static final String PATH = "/v1/verify";

    private final VerdictCache verdicts;
    private final ClientBodies bodies;

    VerifyRoute(VerdictCache verdicts, ClientBodies bodies) {
        this.verdicts = verdicts;
        this.bodies = bodies;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String id = ClientBodies.text(ClientBodies.jsonObject(bodies.read(request)), "id")
                .orElseThrow(() -> ClientRequestException.invalid("Missing id in request body"));
        Verdict verdict = verdicts.get(id).orElseThrow(() -> new ClientRequestException(404, "invalid_request_error",
                "verdict_not_found", "no answer with id " + id + " passed through this proxy recently"));
        ObjectNode body = verdict.json();
        switch (verdict.state()) {
            case TRUE -> body.put("isValid", true);
            case FALSE -> body.put("isValid", false);
            case UNVERIFIABLE -> body.putNull("isValid");
        }
        try {
            response.header("Content-Type", "application/json").send(ClientBodies.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw ClientRequestException.invalid("cannot write the verdict: " + e.getOriginalMessage());
        }
    }
}
