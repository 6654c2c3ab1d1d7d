package ai.zerog.compute.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw TCP server that reads a request's headers, answers with a fixed prefix (possibly
 * nothing, possibly headers and part of a body) and then says nothing more, holding the
 * connection open; {@link #clientClosed()} completes when the client drops the connection.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] prefix;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> clientClosed = new CompletableFuture<>();

    private StallingServer(ServerSocket server, byte[] prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    static StallingServer start(String prefix) throws IOException {
        StallingServer stalling = new StallingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Thread.ofVirtual().start(stalling::acceptOne);
        return stalling;
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    CompletableFuture<Void> clientClosed() {
        return clientClosed;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptOne() {
        try (Socket socket = server.accept()) {
            sockets.add(socket);
            InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    clientClosed.complete(null);
                    return;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            socket.getOutputStream().write(prefix);
            socket.getOutputStream().flush();
            while (in.read() >= 0) {
                // drain the request body, then wait for the client to hang up
            }
            clientClosed.complete(null);
        } catch (IOException e) {
            clientClosed.complete(null);
        }
    }
}
