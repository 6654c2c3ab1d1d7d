package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.WalletSigner;

/**
 * The wallet of the broker that reads the catalogue before anyone connects: it has no key and
 * refuses to sign, so nothing can be sent through it.
 */
final class ReadOnlyWallet implements WalletSigner {
    @Override
    public Address address() {
        return Address.ZERO;
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        throw new WebUiException("no wallet is connected: connect the local identity or a browser wallet first");
    }

    @Override
    public Signature signPersonalMessage(byte[] message) {
        throw new WebUiException("no wallet is connected: connect the local identity or a browser wallet first");
    }
}
