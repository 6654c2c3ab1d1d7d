package ai.zerog.compute.provider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a {@code multipart/form-data} body: the form field {@code name}, the
 * {@code filename} of a file part, the part's own {@code Content-Type}, and its exact bytes.
 */
public record MultipartPart(String name, Optional<String> filename, Optional<String> contentType, byte[] bytes) {
    public MultipartPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of content bytes, without copying them. */
    public int size() {
        return bytes.length;
    }

    /** The content as UTF-8 text (form fields are UTF-8 in every client we care about). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public boolean isFile() {
        return filename.isPresent();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultipartPart that && name.equals(that.name) && filename.equals(that.filename)
                && contentType.equals(that.contentType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, filename, contentType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "MultipartPart[name=" + name + ", filename=" + filename.orElse("-") + ", contentType="
                + contentType.orElse("-") + ", size=" + bytes.length + "]";
    }
}
