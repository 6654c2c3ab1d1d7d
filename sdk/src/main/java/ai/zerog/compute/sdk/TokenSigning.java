package ai.zerog.compute.sdk;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.WalletSigner;

/** Signs a session token with the wallet as the official SDK does (PROTOCOL.md §3.2). */
final class TokenSigning {
    private TokenSigning() {}

    /** {@code personal_sign} over the 32 raw bytes of keccak256 of the token's JSON text. */
    static SignedSessionToken sign(SessionToken token, WalletSigner wallet) {
        String raw = token.toJson();
        return new SignedSessionToken(raw, wallet.signPersonalMessage(Hash32.keccak256(raw).bytes()).hex());
    }
}
