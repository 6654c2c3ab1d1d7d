package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.CliFailure;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The port check done before any chain work, and the message when the port is taken. */
final class PortInUse {
    private PortInUse() {
    }

    /** Binds {@code host:port} for a moment; a port in use is a {@link CliFailure} that suggests {@code --port}. */
    static void check(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw failure(host, port);
        } catch (IOException e) {
            throw new CliFailure("cannot listen on " + host + ":" + port + ": " + e.getMessage(),
                    "Check --host and --port");
        }
    }

    static CliFailure failure(String host, int port) {
        return new CliFailure("Port " + port + " is already in use on " + host,
                "Start on another port with --port <port> (e.g. --port " + (port == 65535 ? 3001 : port + 1)
                        + "), or stop the program using it (find it with `lsof -i :" + port + "` or `ss -tlnp | grep :"
                        + port + "`)");
    }

    static boolean isBindFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
