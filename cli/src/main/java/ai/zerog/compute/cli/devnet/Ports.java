package ai.zerog.compute.cli.devnet;

import ai.zerog.compute.cli.CliFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks a chosen port before anything starts, so "in use" is one clear line naming the option to change. */
final class Ports {
    private Ports() {
    }

    static void requireFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new CliFailure("port " + port + " (" + what + ") is already in use",
                    "Stop what uses it, or choose another port: 0g-compute-cli devnet up " + option + " <port>");
        }
    }
}
