package ai.zerog.compute.provider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small blocking HTTP/1.1 client for one upstream origin, run on the calling (virtual) thread
 * with kept-alive pooled connections. The JDK's HttpClient hands every exchange to its selector
 * thread and then to worker threads and back; on a broker that shares few cores with its model
 * server, those hand-offs cost more CPU than the rest of the request path. Here the caller
 * writes the request and reads the answer itself. Reads time out after the idle timeout; a
 * request too large for the socket buffers is given the idle timeout to be taken in whole.
 */
final class Http1Client implements AutoCloseable {
    /** Requests up to this size go into the socket buffers at once; larger ones get a write deadline. */
    private static final int WRITE_AT_ONCE = 64 * 1024;
    private static final String USER_AGENT = "zerog-compute-provider";

    /** A response whose body is read from its connection. */
    record Response(Http1Connection.Head head, Http1Body body) {
    }

    private final URI origin;
    private final boolean tls;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final Http1Pool pool = new Http1Pool();
    private final SSLSocketFactory tlsSockets;

    Http1Client(URI origin, Duration connectTimeout, Duration idleTimeout) {
        this(origin, connectTimeout, idleTimeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS sockets of {@code tlsSockets} (the JDK's default trust store otherwise). */
    Http1Client(URI origin, Duration connectTimeout, Duration idleTimeout, SSLSocketFactory tlsSockets) {
        this.tlsSockets = tlsSockets;
        this.origin = origin;
        this.tls = origin.getScheme().equalsIgnoreCase("https");
        String literal = origin.getHost();
        this.host = literal.startsWith("[") ? literal.substring(1, literal.length() - 1) : literal;
        this.port = origin.getPort() >= 0 ? origin.getPort() : (tls ? 443 : 80);
        this.hostHeader = literal + (origin.getPort() >= 0 ? ":" + origin.getPort() : "");
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Posts {@code body} to {@code uri} (on this client's origin) and returns once the response head
     * is read. A pooled connection the server had closed meanwhile is replaced once, transparently.
     * An empty {@code contentType} or {@code authorization} is not sent.
     *
     * @throws HttpConnectTimeoutException when connecting takes longer than the connect timeout
     * @throws HttpTimeoutException when the response head does not come within the idle timeout
     */
    Response post(URI uri, String contentType, String authorization, byte[] body) throws IOException {
        String head = requestHead(uri, contentType, authorization, body.length);
        Http1Connection pooled = pool.take();
        if (pooled != null) {
            try {
                return exchange(pooled, true, uri, head, body);
            } catch (StaleConnectionException e) {
                // the server had closed the pooled connection before it saw our request: send it afresh
            }
        }
        return exchange(connect(), false, uri, head, body);
    }

    /** Closes the idle connections; connections in use close when their answers are done. */
    @Override
    public void close() {
        pool.close();
    }

    private Response exchange(Http1Connection connection, boolean reused, URI uri, String head, byte[] body)
            throws IOException {
        Http1Connection.Head response;
        try {
            write(connection, head, body);
            connection.idleTimeout(timeoutMillis(idleTimeout));
            response = connection.readHead();
        } catch (HttpTimeoutException e) {
            connection.close();
            throw e;
        } catch (SocketTimeoutException e) {
            connection.close();
            throw new HttpTimeoutException("no response headers within " + idleTimeout);
        } catch (IOException e) {
            connection.close();
            if (reused && !connection.responseStarted()) {
                throw new StaleConnectionException(e);
            }
            throw e;
        }
        Http1Framing framing;
        try {
            framing = Http1Framing.of(response);
        } catch (IOException e) {
            connection.close();
            throw e;
        }
        return new Response(response, new Http1Body(connection, framing, pool::give, uri, idleTimeout));
    }

    private void write(Http1Connection connection, String head, byte[] body) throws IOException {
        if (body.length <= WRITE_AT_ONCE) {
            connection.write(head, body);
            return;
        }
        // A socket write cannot time out: an upstream that stops taking a large body is hung up on.
        AtomicBoolean written = new AtomicBoolean();
        AtomicBoolean hungUp = new AtomicBoolean();
        CompletableFuture.runAsync(() -> {
            if (!written.get() && hungUp.compareAndSet(false, true)) {
                connection.close();
            }
        }, CompletableFuture.delayedExecutor(idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            connection.write(head, body);
        } catch (IOException e) {
            if (hungUp.get()) {
                throw new HttpTimeoutException("the request body was not taken within " + idleTimeout);
            }
            throw e;
        } finally {
            written.set(true);
        }
    }

    private Http1Connection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(connectTimeout));
            if (tls) {
                socket = handshake(socket);
            }
            return new Http1Connection(socket);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new HttpConnectTimeoutException("connect timed out after " + connectTimeout);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private Socket handshake(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) tlsSockets.createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(timeoutMillis(connectTimeout));
        socket.startHandshake();
        return socket;
    }

    private String requestHead(URI uri, String contentType, String authorization, int length) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(256).append("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("User-Agent: ").append(USER_AGENT).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        if (!contentType.isBlank()) {
            head.append("Content-Type: ").append(headerValue(contentType)).append("\r\n");
        }
        if (!authorization.isEmpty()) {
            head.append("Authorization: ").append(headerValue(authorization)).append("\r\n");
        }
        return head.toString();
    }

    private static String headerValue(String value) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c > 0xff)) {
            throw new ProviderException("header value not allowed in an HTTP/1.1 request: control or non-Latin-1 characters");
        }
        return value;
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** A reused connection failed before any byte of the answer: the request can go again on a new one. */
    private static final class StaleConnectionException extends IOException {
        StaleConnectionException(IOException cause) {
            super(cause);
        }
    }

    @Override
    public String toString() {
        return "Http1Client[" + origin + "]";
    }
}
