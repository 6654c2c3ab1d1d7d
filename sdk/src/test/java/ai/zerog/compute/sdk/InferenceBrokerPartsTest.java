package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure pieces: expected signer (§5.3 step 6), signed-text recomputation, fee estimates, one funding check. */
class InferenceBrokerPartsTest {
    static final Address PROVIDER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final Address TEE = Address.of("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    static final Address TARGET = Address.of("0x90f79bf6eb2c4f870365e785982e1f101e93b906");

    @Test
    void shouldExpectTheTargetTeeOnlyForSeparatedDecentralizedProviders() {
        String target = TARGET.hex();
        assertThat(ResponseVerifier.expectedSigner(service("chatbot",
                "{\"TargetSeparated\":true,\"TargetTeeAddress\":\"" + target + "\"}"))).contains(TARGET);
        assertThat(ResponseVerifier.expectedSigner(service("chatbot",
                "{\"TargetSeparated\":true,\"ProviderType\":\"centralized\",\"TargetTeeAddress\":\"" + target + "\"}")))
                .contains(TEE);
        assertThat(ResponseVerifier.expectedSigner(service("chatbot",
                "{\"TargetSeparated\":\"true\",\"TargetTeeAddress\":\"" + target + "\"}"))).contains(TEE);
        assertThat(ResponseVerifier.expectedSigner(service("chatbot", "{\"TargetSeparated\":false}"))).contains(TEE);
        assertThat(ResponseVerifier.expectedSigner(service("chatbot", ""))).isEmpty();
        assertThat(ResponseVerifier.expectedSigner(service("chatbot", "not json"))).isEmpty();
    }

    @Test
    void shouldRecomputeImageTextsOverDecodedImages() {
        byte[] request = "{\"prompt\":\"cat\"}".getBytes(StandardCharsets.UTF_8);
        byte[] image = {1, 2, 3};
        byte[] response = ("{\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(image) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ResponseVerifier.expectedText(service("text-to-image", "{}"), request, response))
                .isEqualTo(ResponseSigning.imageText(request, List.of(image)));
        assertThat(ResponseVerifier.expectedText(service("chatbot", "{}"), request, response))
                .isEqualTo(ResponseSigning.chatText(request, response));
    }

    @Test
    void shouldEstimateFeesLikeTheOfficialClient() {
        Service chat = service("chatbot", "{}");
        assertThat(CachedFees.estimate(chat, "{\"prompt_tokens\":10,\"completion_tokens\":\"5\"}"))
                .isEqualTo(BigInteger.valueOf(10 * 1_000 + 5 * 2_000));
        assertThat(CachedFees.estimate(chat, "{\"prompt_tokens\":\"many\"}")).isZero();
        assertThat(CachedFees.estimate(chat, "garbage")).isZero();
        assertThat(CachedFees.estimate(service("text-to-image", "{}"), "{\"n\":3}")).isEqualTo(BigInteger.valueOf(3_000));
        assertThat(CachedFees.estimate(service("speech-to-text", "{}"), "{\"type\":\"duration\",\"seconds\":2.5}"))
                .isEqualTo(BigInteger.valueOf(3_000));
        assertThat(CachedFees.usageOf("data: {\"usage\":{\"a\":1}}\n\ndata: {\"usage\":{\"a\":2}}\n\ndata: [DONE]\n\n"
                .getBytes(StandardCharsets.UTF_8))).contains("{\"a\":2}");
    }

    @Test
    void shouldFallBackToTheCachedFeeAndMoveAtLeastTheMinimum() {
        CachedFees cached = new CachedFees(Clock.systemUTC());
        cached.add(PROVIDER, Units.toNeuron("0.5"));
        List<BigInteger> transfers = new ArrayList<>();
        AutoFunder funder = new AutoFunder(new AutoFunder.Parts(p -> Optional.empty(),
                p -> Optional.of(account(Units.og(1), BigInteger.ZERO)), (p, amount) -> transfers.add(amount), cached));
        AutoFunder.Outcome outcome = funder.check(PROVIDER, AutoFundingConfig.defaults());
        assertThat(outcome).isEqualTo(new AutoFunder.Outcome(Units.toNeuron("0.5"), Units.toNeuron("2.5"), Units.og(1),
                Units.toNeuron("1.5")));
        assertThat(transfers).containsExactly(Units.toNeuron("1.5"));
        assertThat(cached.get(PROVIDER)).isZero();

        AutoFunder pendingRefund = new AutoFunder(new AutoFunder.Parts(p -> Optional.of(BigInteger.ONE),
                p -> Optional.of(account(Units.og(3), Units.og(2))), (p, amount) -> transfers.add(amount), cached));
        assertThat(pendingRefund.check(PROVIDER, AutoFundingConfig.defaults()).transferred())
                .isEqualTo(Units.og(1).add(BigInteger.ONE));
        funder.close();
        pendingRefund.close();
    }

    @Test
    void shouldLogRatherThanThrowWhenATopUpFails() {
        AutoFunder funder = new AutoFunder(new AutoFunder.Parts(p -> Optional.empty(), p -> Optional.empty(),
                (p, amount) -> {
                    throw new InsufficientLedgerBalanceException("test", BigInteger.ZERO, amount);
                }, new CachedFees(Clock.systemUTC())));
        assertThat(funder.checkQuietly(PROVIDER, AutoFundingConfig.defaults())).isEmpty();
        funder.close();
    }

    private static Service service(String type, String additionalInfo) {
        return new Service(PROVIDER, type, "http://provider.example", BigInteger.valueOf(1_000),
                BigInteger.valueOf(2_000), BigInteger.ZERO, "m", "TeeML", additionalInfo, TEE, true);
    }

    private static Account account(BigInteger balance, BigInteger pendingRefund) {
        return new Account(Address.ZERO, PROVIDER, BigInteger.ZERO, balance, pendingRefund, List.of(), "", true,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }
}
