package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;

/** The curl command {@code get-secret} prints for a service type (CLI-AND-UI.md §5.5). */
final class CurlExample {
    private CurlExample() {
    }

    static String of(Service service, String authorization) {
        String base = service.url() + "/v1/proxy";
        String model = service.model().isBlank() ? "default-model" : service.model();
        String auth = "  -H \"Authorization: " + authorization + "\"";
        return switch (service.serviceType()) {
            case "text-to-image" -> "curl " + base + "/images/generations \\\n"
                    + "  -H \"Content-Type: application/json\" \\\n" + auth + " \\\n"
                    + "  -d '{\"model\": \"" + model + "\", \"prompt\": \"A cute baby sea otter playing in the water\","
                    + " \"n\": 1, \"size\": \"512x512\", \"response_format\": \"b64_json\"}' \\\n"
                    + "  | jq -r '.data[0].b64_json' | base64 -d > output.png";
            case "image-editing" -> "curl " + base + "/images/edits \\\n" + auth + " \\\n"
                    + "  -F \"prompt=Add a rainbow\" -F \"response_format=b64_json\" -F \"image=@image.png\"";
            case "speech-to-text" -> "curl " + base + "/audio/transcriptions \\\n" + auth + " \\\n"
                    + "  -H \"Content-Type: multipart/form-data\" \\\n"
                    + "  -F \"file=@audio.ogg\" -F \"model=" + model + "\" -F \"response_format=json\"";
            default -> "curl " + base + "/chat/completions \\\n"
                    + "  -H \"Content-Type: application/json\" \\\n" + auth + " \\\n"
                    + "  -d '{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"system\", \"content\":"
                    + " \"You are a helpful assistant.\"}, {\"role\": \"user\", \"content\": \"Hello!\"}]}'";
        };
    }
}
