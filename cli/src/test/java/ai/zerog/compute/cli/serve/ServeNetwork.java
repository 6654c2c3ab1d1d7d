package ai.zerog.compute.cli.serve;

import ai.zerog.compute.cli.devnet.LocalDevnet;
import ai.zerog.compute.cli.devnet.TestDevnet;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The shared test devnet seen from the proxy tests: its dev providers, and fresh wallets with a
 * ledger of their own, so the sub-accounts the proxy creates and funds touch nobody else's money.
 */
final class ServeNetwork {
    private ServeNetwork() {
    }

    static LocalDevnet devnet() {
        return TestDevnet.shared();
    }

    static Address provider(String serviceType) {
        return devnet().provider(serviceType).address();
    }

    static String model(String serviceType) {
        return devnet().provider(serviceType).model();
    }

    /** A new wallet holding 500 0G with a 60 0G ledger. */
    static ZgComputeBroker newUser() {
        Secp256k1Key key = newFundedKey();
        ZgComputeBroker broker = ZgComputeBroker.create(key, devnet().network());
        broker.ledger().addLedger(Units.og(60));
        return broker;
    }

    static Secp256k1Key newFundedKey() {
        Secp256k1Key key = Secp256k1Key.random();
        devnet().node().setBalance(key.address().hex(), Units.og(500));
        return key;
    }

    /** A port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
