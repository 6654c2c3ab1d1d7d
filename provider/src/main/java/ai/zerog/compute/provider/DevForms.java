package ai.zerog.compute.provider;

/** Multipart helpers for the dev model endpoints: malformed bodies and fields become 400s. */
final class DevForms {
    private DevForms() {
    }

    static MultipartForm parse(String contentType, byte[] body) {
        try {
            return MultipartForm.parse(contentType, body);
        } catch (MultipartFormException e) {
            throw DevRequestException.badRequest(e.getMessage());
        }
    }

    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw DevRequestException.badRequest("'" + name + "' must be an integer, got '" + value + "'");
        }
    }
}
