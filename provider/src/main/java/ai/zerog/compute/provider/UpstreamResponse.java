package ai.zerog.compute.provider;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The upstream's answer; the body is read once, as a stream. Close it when done. */
public interface UpstreamResponse extends AutoCloseable {
    int status();

    /** The Content-Type, e.g. {@code application/json} or {@code text/event-stream}. */
    String contentType();

    /** Response headers (names lower-case). */
    Map<String, List<String>> headers();

    /**
     * The body. Reads block at most the configured idle timeout between bytes; a stalled
     * upstream surfaces as an {@link java.io.IOException} from {@code read}.
     */
    InputStream body();

    @Override
    void close();
}
