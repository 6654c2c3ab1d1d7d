package ai.zerog.compute.cli.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The request for each target of a non-chat route: the client's {@code model} kept (and used to
 * pick the targets serving it), or the target's model filled in when the client named none.
 */
final class ModelFilling {
    private ModelFilling() {
    }

    static Forwarder.Outgoing json(String path, String serviceType, String upstreamPath, ObjectNode body,
                                   boolean overwriteModel) {
        Optional<String> model = ClientBodies.text(body, "model");
        boolean keepModel = model.isPresent() && !overwriteModel;
        byte[] prepared = ClientBodies.bytes(body);
        return new Forwarder.Outgoing("POST " + path, serviceType, upstreamPath, "application/json",
                keepModel ? model : Optional.empty(),
                upstream -> keepModel ? prepared : ClientBodies.bytes(body.deepCopy().put("model", upstream.model())));
    }

    /** Multipart bodies keep every byte the client sent; a missing {@code model} part is added. */
    static Forwarder.Outgoing multipart(String path, String serviceType, String upstreamPath, String contentType,
                                        byte[] body) {
        Optional<String> model = MultipartModel.model(contentType, body).filter(m -> !m.isBlank());
        return new Forwarder.Outgoing("POST " + path, serviceType, upstreamPath, contentType, model,
                upstream -> model.isPresent() ? body : MultipartModel.withModel(contentType, body, upstream.model()));
    }
}
