package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.provider.SettlementReport;
import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole user journey against our real broker on the shared anvil (issue 4, "Proof"). */
class InferenceBrokerFlowTest {
    static final String CHAT = "{\"model\":\"dev-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    static final String STREAM_CHAT =
            "{\"model\":\"dev-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"stream please\"}]}";

    @TempDir
    static Path dir;
    static InferenceNetwork net;

    @BeforeAll
    static void start() {
        net = new InferenceNetwork(dir);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void shouldDepositTransferChatVerifyTopUpAndSettle() throws Exception {
        try (ZgComputeBroker user = net.newUser()) {
            InferenceBroker inference = user.inference();
            user.ledger().addLedger(Units.og(10));

            assertThat(inference.listServices()).extracting(Service::provider).contains(net.provider);
            inference.acknowledgeProvider(net.provider);
            Account account = inference.account(net.provider).orElseThrow();
            assertThat(account.balance()).isEqualTo(Units.og(1));
            assertThat(account.acknowledged()).isTrue();
            assertThat(inference.serviceMetadata(net.provider))
                    .isEqualTo(new ServiceMetadata(URI.create(net.server.url() + "/v1/proxy"), InferenceNetwork.MODEL));
            assertThat(inference.providerModels(net.provider).models()).extracting(ProviderModels.Model::id)
                    .containsExactly(InferenceNetwork.MODEL);
            assertThat(inference.requestHeaders(net.provider).get("Authorization")).startsWith("Bearer app-sk-");
            AutoFunder.Outcome firstTopUp = inference.runAutoFundingOnce(net.provider);
            assertThat(firstTopUp).isEqualTo(new AutoFunder.Outcome(BigInteger.ZERO, Units.og(2), Units.og(1), Units.og(1)));

            ChatResponse answer = inference.chat(net.provider, CHAT);
            String chatId = answer.chatId().orElseThrow();
            String usage = Jsons.MAPPER.readTree(answer.responseBody()).get("usage").toString();
            assertThat(inference.processResponse(net.provider, chatId, usage))
                    .matches(ResponseVerification::verified);
            assertThat(inference.cachedFee(net.provider)).isPositive();
            ResponseVerification exact = inference.processResponse(net.provider, chatId, answer.requestBody(),
                    answer.responseBody());
            assertThat(exact.verified()).isTrue();
            assertThat(exact.signer()).contains(inference.getService(net.provider).teeSignerAddress());
            assertThat(exact.signedText()).contains(ResponseVerifier.expectedText(inference.getService(net.provider),
                    answer.requestBody(), answer.responseBody()));

            ChatResponse stream = inference.chat(net.provider, STREAM_CHAT);
            assertThat(stream.body()).contains("data: [DONE]").contains("\"usage\"");
            String streamId = stream.chatId().orElseThrow();
            assertThat(inference.processResponse(net.provider, streamId))
                    .matches(ResponseVerification::verified);
            assertThat(inference.processResponse(net.provider, streamId, stream.requestBody(), stream.responseBody()))
                    .matches(ResponseVerification::verified);

            AutoFunder.Outcome topUp = inference.runAutoFundingOnce(net.provider);
            Service service = inference.getService(net.provider);
            BigInteger streamUsageFee = CachedFees.estimate(service, CachedFees.usageOf(stream.responseBody()).orElseThrow());
            assertThat(topUp.unsettled()).isPositive()
                    .isEqualTo(CachedFees.estimate(service, usage).add(streamUsageFee)); // each request billed once
            assertThat(topUp.locked()).isEqualTo(Units.og(2));
            assertThat(topUp.required()).isEqualTo(topUp.unsettled().add(Units.og(2)));
            assertThat(topUp.transferred()).isEqualTo(Units.og(1)); // the shortfall is tiny, minTransfer applies
            BigInteger funded = inference.account(net.provider).orElseThrow().usableBalance();
            assertThat(funded).isEqualTo(Units.og(3));
            assertThat(inference.runAutoFundingOnce(net.provider).transferred()).isZero();

            SettlementReport report = net.settlement.runOnce();
            assertThat(report.settled()).isGreaterThanOrEqualTo(1);
            assertThat(inference.account(net.provider).orElseThrow().balance())
                    .isEqualTo(funded.subtract(topUp.unsettled()));
        }
    }

    @Test
    void shouldVerifyTheExactBytesOfAGeneratedImage() throws Exception {
        Address images = net.startProvider("text-to-image", "images");
        try (ZgComputeBroker user = net.newUser()) {
            InferenceBroker inference = user.inference();
            user.ledger().addLedger(Units.og(10));
            inference.acknowledgeProvider(images);
            user.ledger().transferFund(images, Units.og(2));
            byte[] request = ("{\"model\":\"dev-model\",\"prompt\":\"a cat\",\"n\":2,\"response_format\":\"b64_json\"}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<byte[]> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(inference.serviceMetadata(images).endpoint() + "/images/generations"))
                            .headers("Authorization", inference.requestHeaders(images).get("Authorization"),
                                    "Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            String chatId = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
            assertThat(inference.processResponse(images, chatId, request, answer.body()))
                    .matches(ResponseVerification::verified);
            assertThat(inference.processResponse(images, chatId, "{}".getBytes(StandardCharsets.UTF_8), answer.body())
                    .verified()).isFalse();
        }
    }

    /** Asked for URLs, the broker keeps the images itself (§9.6) and signs their bytes: fetched to check. */
    @Test
    void shouldVerifyTheExactBytesOfImagesTheBrokerServesByUrl() throws Exception {
        Address images = net.startProvider("text-to-image", "images-by-url");
        try (ZgComputeBroker user = net.newUser()) {
            InferenceBroker inference = user.inference();
            user.ledger().addLedger(Units.og(10));
            inference.acknowledgeProvider(images);
            user.ledger().transferFund(images, Units.og(2));
            byte[] request = ("{\"model\":\"dev-model\",\"prompt\":\"a dog\",\"n\":2,\"response_format\":\"url\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String endpoint = inference.serviceMetadata(images).endpoint().toString();
            HttpResponse<byte[]> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "/images/generations"))
                            .headers("Authorization", inference.requestHeaders(images).get("Authorization"),
                                    "Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            String chatId = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(endpoint + "/images/" + chatId + "/1");

            assertThat(inference.processResponse(images, chatId, request, answer.body()))
                    .matches(ResponseVerification::verified);
            assertThat(inference.processResponse(images, chatId, "{}".getBytes(StandardCharsets.UTF_8), answer.body())
                    .verified()).isFalse();
        }
    }

    @Test
    void shouldTopUpInTheBackgroundOnceStarted() {
        try (ZgComputeBroker user = net.readyUser()) {
            InferenceBroker inference = user.inference();
            inference.startAutoFunding(net.provider);
            assertThat(inference.isAutoFunding(net.provider)).isTrue();
            assertThat(inference.account(net.provider).orElseThrow().usableBalance())
                    .as("the first check ran before startAutoFunding returned").isGreaterThanOrEqualTo(Units.og(2));
            InferenceNetwork.pollUntil("the background check moved the sub-account to 2 0G usable",
                    java.time.Duration.ofSeconds(60),
                    () -> inference.account(net.provider).orElseThrow().usableBalance().compareTo(Units.og(2)) >= 0);
            inference.stopAutoFunding(net.provider);
            assertThat(inference.isAutoFunding(net.provider)).isFalse();
        }
    }
}
