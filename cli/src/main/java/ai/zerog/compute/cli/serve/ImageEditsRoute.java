package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST /v1/images/edits}: a multipart form (image file, prompt) or JSON, forwarded as is with a model. */
final class ImageEditsRoute implements ProxyRoute {
    static final String PATH = "/v1/images/edits";

    private final Forwarder forwarder;
    private final ClientBodies bodies;
    private final boolean overwriteModel;

    ImageEditsRoute(Forwarder forwarder, ClientBodies bodies, boolean overwriteModel) {
        this.forwarder = forwarder;
        this.bodies = bodies;
        this.overwriteModel = overwriteModel;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String contentType = ClientBodies.contentType(request);
        byte[] body = bodies.read(request);
        forwarder.forward(MultipartModel.isMultipart(contentType)
                ? ModelFilling.multipart(PATH, "image-editing", "/images/edits", contentType, body)
                : ModelFilling.json(PATH, "image-editing", "/images/edits", ClientBodies.jsonObject(body), overwriteModel),
                response);
    }
}
