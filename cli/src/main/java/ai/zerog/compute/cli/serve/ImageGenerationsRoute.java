package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /v1/images/generations}: {@code prompt} is required; {@code size} 512x512 and
 * {@code n} 1 are the defaults, as the official proxy sets them.
 */
final class ImageGenerationsRoute implements ProxyRoute {
    static final String PATH = "/v1/images/generations";

    private final Forwarder forwarder;
    private final ClientBodies bodies;
    private final boolean overwriteModel;

    ImageGenerationsRoute(Forwarder forwarder, ClientBodies bodies, boolean overwriteModel) {
        this.forwarder = forwarder;
        this.bodies = bodies;
        this.overwriteModel = overwriteModel;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ObjectNode body = ClientBodies.jsonObject(bodies.read(request));
        if (ClientBodies.text(body, "prompt").isEmpty()) {
            throw ClientRequestException.invalid("Missing prompt in request body");
        }
        if (!body.has("size")) {
            body.put("size", "512x512");
        }
        if (!body.has("n")) {
            body.put("n", 1);
        }
        forwarder.forward(ModelFilling.json(PATH, "text-to-image", "/images/generations", body, overwriteModel), response);
    }
}
