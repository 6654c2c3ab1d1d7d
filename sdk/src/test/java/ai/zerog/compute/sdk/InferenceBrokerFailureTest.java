package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user sees when a provider misbehaves: a tampered or garbage signature endpoint (a tiny
 * fake provider), a provider whose URL is down, and answers that do not match what the TEE signed.
 */
class InferenceBrokerFailureTest {
    @TempDir
    static Path dir;
    static InferenceNetwork net;
    static HttpServer fake;
    static Address fakeProvider;
    static Address deadProvider;
    static URI deadUrl;
    static volatile int fakeStatus;
    static volatile String fakeBody;
    static volatile String fakeRetryAfter;

    @BeforeAll
    static void start() throws IOException {
        net = new InferenceNetwork(dir);
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            byte[] body = fakeBody.getBytes(StandardCharsets.UTF_8);
            if (fakeRetryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", fakeRetryAfter);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fakeStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        fake.start();
        fakeProvider = net.registerExtraProvider(URI.create("http://127.0.0.1:" + fake.getAddress().getPort()), "fake");
        try (ServerSocket closed = new ServerSocket(0)) {
            deadUrl = URI.create("http://127.0.0.1:" + closed.getLocalPort());
        }
        deadProvider = net.registerExtraProvider(deadUrl, "dead");
    }

    @AfterAll
    static void stop() {
        fake.stop(0);
        net.close();
    }

    @BeforeEach
    void resetFake() {
        fakeStatus = 200;
        fakeRetryAfter = null;
    }

    @Test
    void shouldAnswerFalseWhenTheSignatureComesFromAnotherKey() {
        String text = "aa:bb";
        fakeBody = "{\"text\":\"" + text + "\",\"signature\":\""
                + ResponseSigning.sign(Secp256k1Key.random(), text).hex() + "\"}";
        try (ZgComputeBroker user = net.newUser()) {
            ResponseVerification verdict = user.inference().processResponse(fakeProvider, "chat-1");
            assertThat(verdict.verified()).isFalse();
            assertThat(verdict.failure()).hasValueSatisfying(
                    reason -> assertThat(reason).contains("not by the provider's TEE signer"));
        }
    }

    /** Garbage proves nothing, so it is a false verdict rather than an exception: the answer is untrusted. */
    @Test
    void shouldAnswerFalseForGarbageMissingOrMalformedSignatures() {
        try (ZgComputeBroker user = net.newUser()) {
            InferenceBroker inference = user.inference();
            fakeBody = "<html>definitely not json";
            assertThat(inference.processResponse(fakeProvider, "chat-2").failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("text and signature"));
            fakeBody = "{\"text\":\"aa:bb\",\"signature\":\"0x1234\"}";
            assertThat(inference.processResponse(fakeProvider, "chat-3").failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("malformed"));
            fakeStatus = 404;
            fakeBody = "{\"error\":\"chat id not found or expired: chat-4\"}";
            assertThat(inference.processResponse(fakeProvider, "chat-4").failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 404").contains("not found"));
        }
    }

    @Test
    void shouldRaiseRateLimitedWithTheProvidersRetryAfter() {
        fakeStatus = 429;
        fakeRetryAfter = "7";
        fakeBody = "{\"error\":\"Too many requests. Please try again later.\"}";
        try (ZgComputeBroker user = net.newUser()) {
            assertThatThrownBy(() -> user.inference().processResponse(fakeProvider, "chat-5"))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(7)));
        }
    }

    @Test
    void shouldRefuseAModelListWithoutADataArray() {
        fakeBody = "{\"object\":\"list\",\"data\":{}}";
        try (ZgComputeBroker user = net.newUser()) {
            assertThatThrownBy(() -> user.inference().providerModels(fakeProvider))
                    .isInstanceOf(SdkException.class).hasMessageContaining("\"data\" array");
        }
    }

    @Test
    void shouldNameTheUrlWhenTheProviderIsDown() {
        try (ZgComputeBroker user = net.newUser()) {
            InferenceBroker inference = user.inference();
            assertThatThrownBy(() -> inference.processResponse(deadProvider, "chat-6"))
                    .isInstanceOfSatisfying(ProviderUnreachableException.class,
                            e -> assertThat(e.url().toString()).startsWith(deadUrl.toString()));
            assertThatThrownBy(() -> inference.providerModels(deadProvider))
                    .isInstanceOf(ProviderUnreachableException.class).hasMessageContaining(deadUrl.toString());
            user.ledger().addLedger(Units.og(5));
            inference.acknowledgeProvider(deadProvider);
            assertThatThrownBy(() -> inference.chat(deadProvider, InferenceBrokerFlowTest.CHAT))
                    .isInstanceOf(ProviderUnreachableException.class).hasMessageContaining(deadUrl.toString());
        }
    }

    @Test
    void shouldRefuseUnknownProvidersAndBadChatIds() {
        try (ZgComputeBroker user = net.newUser()) {
            assertThatThrownBy(() -> user.inference().getService(Secp256k1Key.random().address()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("no registered service");
            assertThatThrownBy(() -> user.inference().processResponse(net.provider, "../../v1/quote"))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void shouldRefuseToRevokeTheAcknowledgementWhileTheSubAccountHoldsMoney() {
        try (ZgComputeBroker user = net.readyUser()) {
            assertThatThrownBy(() -> user.inference().revokeAcknowledgement(net.provider))
                    .isInstanceOfSatisfying(TransactionRevertedException.class,
                            e -> assertThat(e.errorName()).isEqualTo("CannotRevokeWithNonZeroBalance"))
                    .hasMessageContaining("retrieve the funds first");
            assertThat(user.inference().account(net.provider).orElseThrow().acknowledged()).isTrue();
        }
    }

    @Test
    void shouldAnswerFalseWhenTheBytesDifferFromWhatTheTeeSigned() throws Exception {
        try (ZgComputeBroker user = net.readyUser()) {
            InferenceBroker inference = user.inference();
            user.ledger().transferFund(net.provider, Units.og(2));

            ChatResponse answer = inference.chat(net.provider, InferenceBrokerFlowTest.CHAT);
            String chatId = answer.chatId().orElseThrow();
            byte[] tampered = Arrays.copyOf(answer.responseBody(), answer.responseBody().length + 1);
            tampered[tampered.length - 1] = ' ';
            assertThat(inference.processResponse(net.provider, chatId, answer.requestBody(), tampered).failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("the response differs"));
            assertThat(inference.processResponse(net.provider, chatId, "{}".getBytes(), answer.responseBody()).failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("the request differs"));

            // A stream sent without include_usage: the broker adds it and signs its own body.
            byte[] raw = InferenceBrokerFlowTest.STREAM_CHAT.getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> stream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(net.server.url() + "/v1/proxy/chat/completions"))
                            .header("Authorization", inference.requestHeaders(net.provider).get("Authorization"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String streamId = stream.headers().firstValue("ZG-Res-Key").orElseThrow();
            assertThat(inference.processResponse(net.provider, streamId).verified()).isTrue();
            assertThat(inference.processResponse(net.provider, streamId, raw, stream.body()).failure())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("include_usage"));
        }
    }
}
