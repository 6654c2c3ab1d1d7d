package ai.zerog.compute.provider;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * nginx as a plain reverse proxy in front of the benchmark's upstream: a relay that only passes
 * requests and answers on (kept-alive upstream connections, no logging), as a floor for what any
 * relay adds on this machine. One process does all the work ({@code master_process off}), so its
 * CPU is one pid's. Needs Debian's nginx ({@code apt-get install nginx-light}); absent, the
 * benchmark leaves its rows out.
 */
final class ReferenceRelay implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final URI url;

    private ReferenceRelay(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** nginx relaying to {@code upstream} (scheme, host and port), or empty when nginx is not installed. */
    static Optional<ReferenceRelay> start(URI upstream, Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            return Optional.empty();
        }
        Path home = Files.createDirectories(dir.resolve("nginx"));
        int port = freePort();
        Path config = home.resolve("nginx.conf");
        Files.writeString(config, """
                daemon off;
                master_process off;
                worker_processes 1;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    upstream model { server %2$s:%3$d; keepalive 128; }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://model;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_buffering off;
                        }
                    }
                }
                """.formatted(home, upstream.getHost(), upstream.getPort(), port));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", home.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("stdout.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitListening(process, port);
        return Optional.of(new ReferenceRelay(process, URI.create("http://127.0.0.1:" + port)));
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + " at start");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on port " + port + " within 5 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
