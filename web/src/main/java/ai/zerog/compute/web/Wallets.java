package ai.zerog.compute.web;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.sdk.ZgComputeBroker;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wallets the page can act as, and a read-only broker for the catalogue before any is
 * connected. Each request names its wallet in the {@code X-ZG-Wallet} header: {@code local} or a
 * connected browser wallet's address.
 */
final class Wallets implements AutoCloseable {
    static final String HEADER = "X-ZG-Wallet";

    private final NetworkProfile network;
    private final LocalIdentity identity;
    private final SignatureRequests signatures;
    private final Map<Address, ZgComputeBroker> browser = new ConcurrentHashMap<>();
    private volatile ZgComputeBroker local;
    private volatile ZgComputeBroker readOnly;

    Wallets(NetworkProfile network, LocalIdentity identity, SignatureRequests signatures) {
        this.network = network;
        this.identity = identity;
        this.signatures = signatures;
    }

    NetworkProfile network() {
        return network;
    }

    LocalIdentity identity() {
        return identity;
    }

    SignatureRequests signatures() {
        return signatures;
    }

    /** Opens the local identity (once); its failure message says how to set one up. */
    synchronized ZgComputeBroker connectLocal() {
        if (local == null) {
            local = identity.open();
        }
        return local;
    }

    Optional<ZgComputeBroker> local() {
        return Optional.ofNullable(local);
    }

    /** A browser wallet announced by the page; it must be on this UI's chain. */
    ZgComputeBroker connectBrowser(Address address, long chainId) {
        if (address.equals(Address.ZERO)) {
            throw ApiProblem.badRequest("the zero address is not a wallet");
        }
        if (chainId != network.chainId()) {
            throw new ApiProblem(409, "Your wallet is on chain " + chainId + " but this UI serves " + network.name()
                    + " (chain " + network.chainId() + "). Switch the wallet to chain " + network.chainId()
                    + " (RPC " + network.rpcUrl() + ") and connect again.");
        }
        return browser.computeIfAbsent(address,
                a -> ZgComputeBroker.create(new BrowserSigner(a, signatures), network));
    }

    /** The wallet the request acts for; none connected is a 401 telling the page to connect. */
    Wallet forRequest(ServerRequest request) {
        String chosen = request.headers().first(io.helidon.http.HeaderNames.create(HEADER)).orElse("").strip();
        if (chosen.equalsIgnoreCase(Wallet.LOCAL_HEADER_VALUE)) {
            ZgComputeBroker broker = local().orElseThrow(() -> new ApiProblem(401,
                    "The local identity is not connected: press Connect and choose the local identity.",
                    Map.of("action", "connect")));
            return new Wallet(Wallet.Kind.LOCAL, broker);
        }
        if (chosen.isEmpty()) {
            throw new ApiProblem(401, "No wallet is connected: press Connect and choose the local identity or"
                    + " your browser wallet.", Map.of("action", "connect"));
        }
        Address address;
        try {
            address = Address.of(chosen);
        } catch (CoreException e) {
            throw ApiProblem.badRequest(HEADER + " must be 'local' or a wallet address, got '" + chosen + "'");
        }
        ZgComputeBroker broker = browser.get(address);
        if (broker == null) {
            throw new ApiProblem(401, "The browser wallet " + address.checksummed() + " is not connected: press"
                    + " Connect again.", Map.of("action", "connect"));
        }
        return new Wallet(Wallet.Kind.BROWSER, broker);
    }

    /** For reads that need no wallet: the local broker when connected, else one that cannot sign. */
    ZgComputeBroker reader() {
        ZgComputeBroker connected = local;
        if (connected != null) {
            return connected;
        }
        synchronized (this) {
            if (readOnly == null) {
                readOnly = ZgComputeBroker.create(new ReadOnlyWallet(), network);
            }
            return readOnly;
        }
    }

    @Override
    public synchronized void close() {
        browser.values().forEach(ZgComputeBroker::close);
        browser.clear();
        if (local != null) {
            local.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
    }
}
