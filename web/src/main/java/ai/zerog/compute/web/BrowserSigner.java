package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.WalletSigner;

/**
 * A browser wallet as the SDK sees it: session tokens and API keys are {@code personal_sign}ed in
 * the page (the SDK checks each signature recovers to the wallet). Browser wallets never sign bare
 * transaction digests; the page sends ledger transactions itself, so {@link #signDigest} refuses.
 */
final class BrowserSigner implements WalletSigner {
    private final Address address;
    private final SignatureRequests requests;

    BrowserSigner(Address address, SignatureRequests requests) {
        this.address = address;
        this.requests = requests;
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        throw new WebUiException("a browser wallet sends its own transactions from the page; this action must be"
                + " confirmed in the wallet");
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        return requests.ask(address, message);
    }

    @Override
    public String toString() {
        return "BrowserSigner[" + address.checksummed() + "]";
    }
}
