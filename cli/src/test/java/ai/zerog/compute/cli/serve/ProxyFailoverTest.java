package ai.zerog.compute.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.cli.devnet.DevnetAccounts;
import ai.zerog.compute.cli.devnet.LocalDevnet;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.SoftwareTeeSigner;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers that misbehave, registered on chain for this class only: one whose URL is dead, one
 * that answers without a valid signature. Fail-over to the live dev chatbot keeps verification;
 * an unproven answer is reported {@code false}.
 */
class ProxyFailoverTest {
    static final String COMPLETION = "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"trust me\"},\"finish_reason\":\"stop\"}]}";

    @TempDir
    static Path dir;
    static ZgComputeBroker user;
    static Secp256k1Key deadKey;
    static Secp256k1Key liarKey;
    static FakeUpstream liarServer;
    static Address dead;
    static Address liar;
    static Address chatbot;

    @BeforeAll
    static void registerMisbehavingProviders() {
        user = ServeNetwork.newUser();
        chatbot = ServeNetwork.provider("chatbot");
        deadKey = register(URI.create("http://127.0.0.1:" + ServeNetwork.freePort()), "dead");
        dead = deadKey.address();
        // answers every path, its signature endpoint included, with a completion and no signature
        liarServer = FakeUpstream.answering(200, COMPLETION, Map.of("ZG-Res-Key", "fake-res-key"));
        liarKey = register(URI.create("http://127.0.0.1:" + liarServer.baseUrl().getPort()), "liar");
        liar = liarKey.address();
    }

    private static Secp256k1Key register(URI url, String name) {
        LocalDevnet devnet = ServeNetwork.devnet();
        Secp256k1Key key = ServeNetwork.newFundedKey();
        ServiceRegistration.register(TransactionSender.create(devnet.rpc(), key), devnet.network().inference(),
                ServiceConfig.of("chatbot", url, ServeNetwork.model("chatbot"), BigInteger.ONE, BigInteger.ONE),
                SoftwareTeeSigner.openOrCreate(dir.resolve(name + "-signer.json")));
        InferenceServingContract.withSender(TransactionSender.create(devnet.rpc(),
                devnet.accounts().key(DevnetAccounts.OWNER)), devnet.network().inference())
                .acknowledgeTEESignerByOwner(key.address());
        return key;
    }

    @AfterAll
    static void removeThem() {
        user.close();
        liarServer.close();
        // other tests list the devnet's providers: leave the list as it was
        for (Secp256k1Key key : List.of(deadKey, liarKey)) {
            ServiceRegistration.remove(TransactionSender.create(ServeNetwork.devnet().rpc(), key),
                    ServeNetwork.devnet().network().inference());
        }
    }

    @Test
    void shouldReportAnAnswerWithoutAValidSignatureAsNotVerified() {
        try (LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(ProxyTarget.provider(liar, 0))).withPort(0),
                user, ProxyLog.silent())) {
            ProxyCalls calls = new ProxyCalls(proxy.url());
            ProxyCalls.Reply reply = calls.postJson("/v1/chat/completions", ProxyCalls.chat("are you honest?"));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(COMPLETION);
            assertThat(reply.header("x-0g-verified")).contains("false");
            assertThat(reply.header("x-0g-verification-reason").orElseThrow()).contains("text and signature");
            assertThat(calls.postJson("/v1/verify", "{\"id\":\"fake-res-key\"}").json().path("isValid").asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    void shouldFailOverFromADeadProviderAndA500ToALiveOneKeepingVerification() {
        RecordingLog log = new RecordingLog();
        try (FakeUpstream failing = FakeUpstream.answering(500, "{\"error\":\"upstream exploded\"}", Map.of());
             LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(
                     ProxyTarget.provider(dead, 0),
                     ProxyTarget.endpoint("failing", failing.baseUrl(), "", ServeNetwork.model("chatbot"), 1),
                     ProxyTarget.provider(chatbot, 2))).withPort(0), user, log)) {
            ProxyCalls calls = new ProxyCalls(proxy.url());

            ProxyCalls.Reply first = calls.postJson("/v1/chat/completions", ProxyCalls.chat("fail over please"));

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.header("x-0g-provider")).contains(chatbot.checksummed());
            assertThat(first.header("x-0g-verified")).contains("true");
            assertThat(failing.hits()).isEqualTo(1);
            assertThat(log.text()).contains(dead.checksummed() + " failed: cannot reach")
                    .contains("failing failed: HTTP 500 {\"error\":\"upstream exploded\"}; trying the next target");
            assertThat(proxy.status()).extracting(TargetStatus::id, TargetStatus::available).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(dead.checksummed(), false),
                    org.assertj.core.groups.Tuple.tuple("failing", false),
                    org.assertj.core.groups.Tuple.tuple(chatbot.checksummed(), true));

            ProxyCalls.Reply stream = calls.postJson("/v1/chat/completions", ProxyCalls.streamChat("and stream"));
            assertThat(stream.status()).as(stream.body()).isEqualTo(200);
            assertThat(stream.header("x-0g-provider")).contains(chatbot.checksummed());
            assertThat(stream.body()).contains(StreamVerdict.PREFIX + "{\"verified\":\"true\"");
            assertThat(failing.hits()).as("failed targets wait while a live one answers").isEqualTo(1);
        }
    }

    @Test
    void shouldFailOverAStreamBeforeAnyByteIsRelayed() {
        try (FakeUpstream failing = FakeUpstream.answering(503, "{\"error\":\"busy\"}", Map.of());
             LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(
                     ProxyTarget.endpoint("busy", failing.baseUrl(), "", ServeNetwork.model("chatbot"), 0),
                     ProxyTarget.provider(chatbot, 1))).withPort(0), user, ProxyLog.silent())) {
            ProxyCalls.Reply stream = new ProxyCalls(proxy.url()).postJson("/v1/chat/completions",
                    ProxyCalls.streamChat("stream after a 503"));

            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.body()).startsWith("data: ").contains("data: [DONE]")
                    .contains(StreamVerdict.PREFIX + "{\"verified\":\"true\"").doesNotContain("busy");
        }
    }

    @Test
    void shouldPassTheLastProviderErrorThroughWhenAllFail() {
        try (FakeUpstream limited = FakeUpstream.answering(429, "{\"error\":\"Rate limit exceeded\"}",
                Map.of("Retry-After", "7"));
             LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(
                     ProxyTarget.endpoint("limited", limited.baseUrl(), "", "m", 0))).withPort(0), ProxyLog.silent())) {
            ProxyCalls.Reply reply = new ProxyCalls(proxy.url()).postJson("/v1/chat/completions", ProxyCalls.chat("hi"));

            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).contains("7");
            assertThat(reply.header("x-0g-provider")).contains("limited");
            assertThat(reply.body()).isEqualTo("{\"error\":\"Rate limit exceeded\"}");
        }
    }

    @Test
    void shouldAnswer502WhenNoTargetCanBeReached() {
        URI nowhere = URI.create("http://127.0.0.1:" + ServeNetwork.freePort() + "/v1");
        try (LocalProxy proxy = LocalProxy.start(ProxyConfig.of(List.of(
                ProxyTarget.endpoint("gone", nowhere, "sk-secret", "m", 0))).withPort(0), ProxyLog.silent())) {
            ProxyCalls.Reply reply = new ProxyCalls(proxy.url()).postJson("/v1/chat/completions", ProxyCalls.chat("hi"));

            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.json().path("error").path("message").asText())
                    .startsWith("no provider answered; last failure: gone: cannot reach");
            assertThat(reply.body()).doesNotContain("sk-secret");
        }
    }
}
