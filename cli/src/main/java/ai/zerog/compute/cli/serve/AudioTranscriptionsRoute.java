package ai.zerog.compute.cli.serve;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /v1/audio/transcriptions}: the client's multipart form (audio file, options) byte for
 * byte, with a {@code model} part added when missing; JSON or SSE answers are relayed alike.
 */
final class AudioTranscriptionsRoute implements ProxyRoute {
    static final String PATH = "/v1/audio/transcriptions";

    private final Forwarder forwarder;
    private final ClientBodies bodies;

    AudioTranscriptionsRoute(Forwarder forwarder, ClientBodies bodies) {
        this.forwarder = forwarder;
        this.bodies = bodies;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String contentType = ClientBodies.contentType(request);
        if (!MultipartModel.isMultipart(contentType)) {
            throw ClientRequestException.invalid("transcriptions take multipart/form-data with the audio as 'file', got '"
                    + contentType + "'");
        }
        forwarder.forward(ModelFilling.multipart(PATH, "speech-to-text", "/audio/transcriptions", contentType, bodies.read(request)),
                response);
    }
}
