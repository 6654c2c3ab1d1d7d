package ai.zerog.compute.provider;

import java.util.Arrays;
import java.util.Optional;

/** The billed OpenAI routes under {@code /v1/proxy}, by the service type they bill as. */
enum ProxyEndpoint {
    CHAT_COMPLETIONS("/chat/completions", "chatbot"),
    IMAGES_GENERATIONS("/images/generations", "text-to-image"),
    IMAGES_EDITS("/images/edits", "image-editing"),
    AUDIO_TRANSCRIPTIONS("/audio/transcriptions", "speech-to-text");

    private final String path;
    private final String serviceType;

    ProxyEndpoint(String path, String serviceType) {
        this.path = path;
        this.serviceType = serviceType;
    }

    String path() {
        return path;
    }

    String serviceType() {
        return serviceType;
    }

    /**
     * The endpoint for a path below {@code /v1/proxy}: a leading {@code /v1} is collapsed and a
     * trailing slash trimmed, as the official broker does (PROTOCOL.md §4.2).
     */
    static Optional<ProxyEndpoint> of(String subPath) {
        String p = normalise(subPath);
        return Arrays.stream(values()).filter(e -> e.path.equals(p)).findFirst();
    }

    static String normalise(String subPath) {
        String p = subPath;
        if (p.startsWith("/v1/")) {
            p = p.substring(3);
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
