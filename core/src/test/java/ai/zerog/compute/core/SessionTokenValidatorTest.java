package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SessionTokenValidatorTest {

    private static final Secp256k1Key USER_KEY = SignedSessionTokenTest.USER_KEY;
    private static final Secp256k1Key OTHER_KEY =
            Secp256k1Key.fromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    private static final Address PROVIDER = Address.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final Optional<AccountTokenState> FRESH = Optional.of(AccountTokenState.fresh());

    private final SessionTokenValidator validator = validatorAt(NOW_MS);

    @Test
    void shouldAuthenticateTheProtocolVectorToken() {
        SignedSessionToken signed = SignedSessionToken.fromAuthorizationHeader(SignedSessionTokenTest.VECTOR_HEADER);

        assertThat(validator.validate(signed, FRESH)).isEqualTo(USER_KEY.address());
        assertThat(validator.verifySignature(signed)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldCompareProviderAndUserAddressesCaseInsensitively() {
        SessionToken token = new SessionToken(USER_KEY.address().hex().toUpperCase().replace("0X", "0x"),
                PROVIDER.hex().toUpperCase(), NOW_MS, NOW_MS + 1000, "n", 0, 255);

        assertThat(validator.validate(SignedSessionToken.sign(token, USER_KEY), FRESH)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldRefuseTokenForAnotherProvider() {
        SessionToken token = withProvider(ephemeral(NOW_MS, NOW_MS + 1000), OTHER_KEY.address().hex());

        expect(token, FRESH, ProviderError.TOKEN_WRONG_PROVIDER).hasMessage("session token is for different provider");
    }

    @Test
    void shouldRequireEphemeralTokensToExpireWithin24Hours() {
        expect(ephemeral(NOW_MS, 0), FRESH, ProviderError.TOKEN_EPHEMERAL_WITHOUT_EXPIRY)
                .hasMessage("ephemeral token must have an expiration time");
        expect(ephemeral(NOW_MS, NOW_MS + 86_400_001L), FRESH, ProviderError.TOKEN_EPHEMERAL_TOO_LONG)
                .hasMessage("ephemeral token duration cannot exceed 24 hours");
        expect(ephemeral(Long.MIN_VALUE, NOW_MS + 1000), FRESH, ProviderError.TOKEN_EPHEMERAL_TOO_LONG);

        assertThat(validator.validate(sign(ephemeral(NOW_MS, NOW_MS + 86_400_000L)), FRESH)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldCountExpiryInWholeSeconds() {
        SessionToken token = ephemeral(NOW_MS - 60_000, NOW_MS + 999); // expires during second NOW/1000

        assertThat(validatorAt(NOW_MS + 999).validate(sign(token), FRESH)).isEqualTo(USER_KEY.address());
        assertThatThrownBy(() -> validatorAt(NOW_MS + 1000).validate(sign(token), FRESH))
                .isInstanceOfSatisfying(SessionTokenException.class, e -> assertThat(e.error()).isEqualTo(ProviderError.TOKEN_EXPIRED))
                .hasMessage("session token expired");
    }

    @Test
    void shouldLetPersistentKeysLiveForeverWithZeroExpiry() {
        SessionToken token = apiKey(3, 0, 0);

        assertThat(validatorAt(Long.MAX_VALUE / 2).validate(sign(token), FRESH)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldTreatNegativeExpiryAsExpired() {
        expect(apiKey(3, -1, 0), FRESH, ProviderError.TOKEN_EXPIRED);
        expect(ephemeral(NOW_MS, -1), FRESH, ProviderError.TOKEN_EXPIRED);
    }

    @Test
    void shouldCompareGenerationWithTheAccount() {
        Optional<AccountTokenState> generation2 = Optional.of(new AccountTokenState(2, BigInteger.ZERO));

        expect(apiKey(3, 0, 1), generation2, ProviderError.TOKEN_GENERATION_REVOKED)
                .hasMessage("session token has been revoked (generation expired)");
        expect(apiKey(3, 0, 3), generation2, ProviderError.TOKEN_FUTURE_GENERATION)
                .hasMessage("invalid session token (future generation)");
        expect(withGeneration(ephemeral(NOW_MS, NOW_MS + 1000), 1), generation2, ProviderError.TOKEN_GENERATION_REVOKED);
        assertThat(validator.validate(sign(apiKey(3, 0, 2)), generation2)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldPassRevocationWhenTheAccountCannotBeRead() {
        assertThat(validator.validate(sign(apiKey(3, 0, 5)), Optional.empty())).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldRefuseApiKeyWhoseBitIsSet() {
        BigInteger bits7And254 = BigInteger.ONE.shiftLeft(7).or(BigInteger.ONE.shiftLeft(254));
        Optional<AccountTokenState> account = Optional.of(new AccountTokenState(0, bits7And254));

        expect(apiKey(7, 0, 0), account, ProviderError.TOKEN_REVOKED).hasMessage("session token has been revoked");
        expect(apiKey(254, 0, 0), account, ProviderError.TOKEN_REVOKED);
        assertThat(validator.validate(sign(apiKey(6, 0, 0)), account)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldIgnoreTheBitmapForEphemeralTokens() {
        Optional<AccountTokenState> allRevoked =
                Optional.of(new AccountTokenState(0, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));

        assertThat(validator.validate(sign(ephemeral(NOW_MS, NOW_MS + 1000)), allRevoked)).isEqualTo(USER_KEY.address());
    }

    @Test
    void shouldRefuseMalformedSignatures() {
        String raw = ephemeral(NOW_MS, NOW_MS + 1000).toJson();
        String good = sign(ephemeral(NOW_MS, NOW_MS + 1000)).signatureHex();

        expectSignature(raw, "", ProviderError.TOKEN_SIGNATURE_FORMAT).hasMessage("invalid signature format: empty signature");
        expectSignature(raw, good.substring(2), ProviderError.TOKEN_SIGNATURE_FORMAT)
                .hasMessage("invalid signature format: missing 0x prefix");
        expectSignature(raw, good + "0", ProviderError.TOKEN_SIGNATURE_FORMAT)
                .hasMessage("invalid signature format: odd number of hex digits");
        expectSignature(raw, "0xzz" + good.substring(4), ProviderError.TOKEN_SIGNATURE_FORMAT)
                .hasMessage("invalid signature format: non-hex character");
        expectSignature(raw, good + "00", ProviderError.TOKEN_SIGNATURE_LENGTH).hasMessage("invalid signature length");
        expectSignature(raw, "0x", ProviderError.TOKEN_SIGNATURE_LENGTH);
        expectSignature(raw, good.substring(0, 130) + "00", ProviderError.TOKEN_SIGNATURE_UNRECOVERABLE)
                .hasMessage("failed to recover public key from signature: v must be 27 or 28, got 0");
        expectSignature(raw, "0x" + "00".repeat(64) + "1c", ProviderError.TOKEN_SIGNATURE_UNRECOVERABLE)
                .hasMessage("failed to recover public key from signature: r or s is zero or out of range");
    }

    @Test
    void shouldRefuseTokenSignedBySomeoneElse() {
        SignedSessionToken forged = SignedSessionToken.sign(ephemeral(NOW_MS, NOW_MS + 1000), OTHER_KEY);

        assertThatThrownBy(() -> validator.validate(forged, FRESH))
                .isInstanceOfSatisfying(SessionTokenException.class,
                        e -> assertThat(e.error()).isEqualTo(ProviderError.TOKEN_SIGNATURE_MISMATCH))
                .hasMessage("signature verification failed: address mismatch");
        SessionToken garbageAddress = new SessionToken("me", PROVIDER.hex(), NOW_MS, NOW_MS + 1000, "n", 0, 255);
        expect(garbageAddress, Optional.empty(), ProviderError.TOKEN_SIGNATURE_MISMATCH);
    }

    @Test
    void shouldReportTheFirstFailingStepInOfficialOrder() {
        SessionToken expiredRevokedForOther = new SessionToken(USER_KEY.address().checksummed(), OTHER_KEY.address().hex(),
                NOW_MS - 10_000, NOW_MS - 5_000, "n", 0, 1);
        Optional<AccountTokenState> revoked = Optional.of(new AccountTokenState(0, BigInteger.TWO));
        SignedSessionToken badSignature = new SignedSessionToken(expiredRevokedForOther.toJson(), "nope");

        assertThatThrownBy(() -> validator.validate(new SignedSessionToken("{", "nope"), revoked))
                .hasMessageStartingWith("invalid session token format in Authorization");
        assertThatThrownBy(() -> validator.validate(badSignature, revoked)).hasMessage("session token is for different provider");
        SignedSessionToken forUs = new SignedSessionToken(withProvider(expiredRevokedForOther, PROVIDER.hex()).toJson(), "nope");
        assertThatThrownBy(() -> validator.validate(forUs, revoked)).hasMessage("session token expired");
        assertThatThrownBy(() -> validatorAt(NOW_MS - 10_000).validate(forUs, revoked)).hasMessage("session token has been revoked");
        assertThatThrownBy(() -> validatorAt(NOW_MS - 10_000).validate(forUs, FRESH)).hasMessageStartingWith("invalid signature format");
    }

    @Test
    void shouldOfferEachStepSeparatelyForCaching() {
        SessionToken token = apiKey(7, 0, 0);
        SignedSessionToken signed = sign(token);

        validator.checkClaims(token);
        validator.checkRevocation(token, FRESH);
        assertThat(validator.verifySignature(signed)).isEqualTo(USER_KEY.address());
        assertThatThrownBy(() -> validator.checkRevocation(token, Optional.of(new AccountTokenState(0, BigInteger.ONE.shiftLeft(7)))))
                .hasMessage("session token has been revoked");
        assertThatThrownBy(() -> validatorAt(NOW_MS).checkClaims(withProvider(token, "0x00")))
                .hasMessage("session token is for different provider");
    }

    @Test
    void shouldRenderTheBrokerResponseBody() {
        assertThatThrownBy(() -> validator.checkClaims(ephemeral(NOW_MS, 0)))
                .isInstanceOfSatisfying(SessionTokenException.class, e -> {
                    assertThat(e.json()).isEqualTo("{\"error\":\"ephemeral token must have an expiration time\"}");
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                });
    }

    private AbstractThrowableAssert<?, ? extends Throwable> expect(
            SessionToken token, Optional<AccountTokenState> account, ProviderError error) {
        return assertThatThrownBy(() -> validator.validate(sign(token), account))
                .isInstanceOfSatisfying(SessionTokenException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> expectSignature(String raw, String signature, ProviderError error) {
        return assertThatThrownBy(() -> validator.validate(new SignedSessionToken(raw, signature), FRESH))
                .isInstanceOfSatisfying(SessionTokenException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private static SessionTokenValidator validatorAt(long epochMillis) {
        return SessionTokenValidator.create(PROVIDER, Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private static SignedSessionToken sign(SessionToken token) {
        return SignedSessionToken.sign(token, USER_KEY);
    }

    private static SessionToken ephemeral(long timestamp, long expiresAt) {
        return new SessionToken(USER_KEY.address().checksummed(), PROVIDER.checksummed(), timestamp, expiresAt,
                "1700000000000-abcdefghijklm00000", 0, 255);
    }

    private static SessionToken apiKey(int tokenId, long expiresAt, long generation) {
        return new SessionToken(USER_KEY.address().checksummed(), PROVIDER.hex(), NOW_MS, expiresAt, "n", generation, tokenId);
    }

    private static SessionToken withProvider(SessionToken t, String provider) {
        return new SessionToken(t.address(), provider, t.timestamp(), t.expiresAt(), t.nonce(), t.generation(), t.tokenId());
    }

    private static SessionToken withGeneration(SessionToken t, long generation) {
        return new SessionToken(t.address(), t.provider(), t.timestamp(), t.expiresAt(), t.nonce(), generation, t.tokenId());
    }
}
