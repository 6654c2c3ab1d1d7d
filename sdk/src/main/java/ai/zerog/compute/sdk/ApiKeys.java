package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.SessionToken;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.WalletSigner;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Persistent API keys (PROTOCOL.md §3.4–§3.5): minted for the account's current generation with an
 * id that is not revoked on chain, and revoked one by one or all at once (a generation bump).
 */
final class ApiKeys {
    /** Highest persistent key id; 255 belongs to ephemeral tokens. */
    static final int MAX_ID = SessionToken.EPHEMERAL_TOKEN_ID - 1;

    private final InferenceServingContract contract;
    private final WalletSigner wallet;
    private final Clock clock;

    ApiKeys(InferenceServingContract contract, WalletSigner wallet, Clock clock) {
        this.contract = contract;
        this.wallet = wallet;
        this.clock = clock;
    }

    /** {@code account} is the fresh on-chain state (empty: generation 0, nothing revoked). */
    ApiKey create(Address provider, Optional<Account> account, Optional<Integer> requestedId,
                  Optional<Duration> validity) {
        requestedId.ifPresent(ApiKeys::checkId);
        validity.ifPresent(v -> {
            if (v.isNegative() || v.isZero()) {
                throw new InvalidInputException("API key validity must be positive, got " + v
                        + "; use createApiKey without a validity for a key that never expires");
            }
        });
        BigInteger revoked = account.map(Account::revokedBitmap).orElse(BigInteger.ZERO);
        long generation = account.map(a -> a.generation().longValueExact()).orElse(0L);
        int tokenId = requestedId.orElseGet(() -> lowestFreeId(provider, revoked));
        if (revoked.testBit(tokenId)) {
            throw new InvalidInputException("API key id " + tokenId + " is revoked for provider " + provider.checksummed()
                    + ": choose another id, or revoke all keys (revokeAllApiKeys) to start a new generation");
        }
        long expiresAt = validity.map(v -> clock.millis() + v.toMillis()).orElse(0L);
        SessionToken token;
        try {
            token = SessionTokens.apiKey(wallet.address(), provider.checksummed(), generation, tokenId, expiresAt, clock);
        } catch (CoreException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        return new ApiKey(tokenId, expiresAt, TokenSigning.sign(token, wallet).apiKey());
    }

    void revoke(Address provider, int tokenId) {
        checkId(tokenId);
        ChainFailures.run("revoking API key " + tokenId + " for provider " + provider.checksummed(),
                () -> contract.revokeToken(provider, tokenId));
    }

    void revokeAll(Address provider) {
        ChainFailures.run("revoking all API keys for provider " + provider.checksummed(),
                () -> contract.revokeAllTokens(provider));
    }

    private static int lowestFreeId(Address provider, BigInteger revoked) {
        for (int id = 0; id <= MAX_ID; id++) {
            if (!revoked.testBit(id)) {
                return id;
            }
        }
        throw new SdkException("API key limit reached: all " + (MAX_ID + 1) + " ids are revoked for provider "
                + provider.checksummed() + "; revoke all keys (revokeAllApiKeys) to start a new generation");
    }

    private static void checkId(int tokenId) {
        if (tokenId < 0 || tokenId > MAX_ID) {
            throw new InvalidInputException("API key id must be 0.." + MAX_ID + " (255 is reserved for ephemeral"
                    + " session tokens), got " + tokenId);
        }
    }
}
