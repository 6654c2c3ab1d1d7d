package ai.zerog.compute.web;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pages and their assets, from the jar. Paths with an asset extension are files or 404;
 * any other path is a page: {@code /} is {@code index.html}, {@code /a/b} is {@code a/b.html}
 * when it exists, and anything else falls back to the home page (as the official server does).
 */
final class StaticFiles implements Handler {
    static final String ROOT = "ai/zerog/compute/web/static/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("map", "application/json"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        Method method = request.prologue().method();
        RequestGuard.securityHeaders(response);
        if (method != Method.GET && method != Method.HEAD) {
            response.status(405).header("Allow", "GET, HEAD").send();
            return;
        }
        String path = request.path().path();
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            response.status(404).send();
            return;
        }
        Optional<String> extension = extension(path);
        if (extension.isPresent() && !extension.get().equals("html")) {
            Optional<byte[]> file = read(path.substring(1));
            if (file.isEmpty()) {
                response.status(404).header("Content-Type", "text/plain; charset=utf-8").send("not found: " + path);
                return;
            }
            response.header("Content-Type", TYPES.getOrDefault(extension.get(), "application/octet-stream"))
                    .header("Cache-Control", "no-cache")
                    .send(file.get());
            return;
        }
        byte[] page = read(pageFile(path)).or(() -> read("index.html"))
                .orElseThrow(() -> new WebUiException("the web UI's pages are missing from the jar (" + ROOT + ")"));
        response.header("Content-Type", TYPES.get("html"))
                .header("Cache-Control", "no-cache, no-store, must-revalidate")
                .header("Pragma", "no-cache")
                .header("Expires", "0")
                .send(page);
    }

    /** {@code /} → index.html, {@code /a/b/} → a/b.html; an explicit {@code .html} maps to the home page. */
    static String pageFile(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty() || trimmed.endsWith(".html")) {
            return "index.html";
        }
        return trimmed.substring(1) + ".html";
    }

    private static Optional<String> extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return Optional.empty();
        }
        String ext = path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.containsKey(ext) ? Optional.of(ext) : Optional.empty();
    }

    static Optional<byte[]> read(String relative) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + relative, e);
        }
    }
}
