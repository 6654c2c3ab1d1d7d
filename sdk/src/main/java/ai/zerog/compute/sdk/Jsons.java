package ai.zerog.compute.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's one JSON mapper (thread-safe once configured). */
final class Jsons {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Jsons() {}
}
