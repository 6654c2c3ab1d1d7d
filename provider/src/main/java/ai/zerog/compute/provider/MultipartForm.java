package ai.zerog.compute.provider;

import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code multipart/form-data} body (RFC 7578 / RFC 2046): the boundary comes from the
 * request's Content-Type, parts are split on {@code CRLF--boundary}, so part contents may hold
 * any bytes, CRLF included. Preamble and epilogue are ignored; a missing closing boundary is an
 * error, since it means the body was cut off.
 */
public final class MultipartForm {
    private static final int MAX_BOUNDARY_LENGTH = 200;

    private final List<MultipartPart> parts;

    private MultipartForm(List<MultipartPart> parts) {
        this.parts = List.copyOf(parts);
    }

    /** True when {@code contentType} is {@code multipart/form-data} (any parameters). */
    public static boolean isMultipart(String contentType) {
        return HeaderParams.parse(contentType).value().equalsIgnoreCase("multipart/form-data");
    }

    /** Parses {@code body}; throws {@link MultipartFormException} when it is not valid form data. */
    public static MultipartForm parse(String contentType, byte[] body) {
        return new MultipartForm(new MultipartParser(body, boundary(contentType)).parts());
    }

    public List<MultipartPart> parts() {
        return parts;
    }

    /** The first part called {@code name}. */
    public Optional<MultipartPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The first part called {@code name} as UTF-8 text, e.g. the {@code model} or {@code n} field. */
    public Optional<String> text(String name) {
        return part(name).map(MultipartPart::text);
    }

    private static String boundary(String contentType) {
        HeaderParams header = HeaderParams.parse(contentType);
        if (!header.value().equalsIgnoreCase("multipart/form-data")) {
            throw new MultipartFormException("expected Content-Type multipart/form-data, got '" + header.value() + "'");
        }
        String boundary = header.params().get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new MultipartFormException("multipart/form-data Content-Type has no boundary parameter");
        }
        if (boundary.length() > MAX_BOUNDARY_LENGTH || boundary.indexOf('\r') >= 0 || boundary.indexOf('\n') >= 0) {
            throw new MultipartFormException("multipart boundary must be 1.." + MAX_BOUNDARY_LENGTH
                    + " characters without line breaks");
        }
        return boundary;
    }
}
