package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.core.WalletSigner;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's per-request costs (issue 4: cached headers ≤ 20 µs). Runs against a real setup: our
 * contracts on a fresh anvil, our provider broker with the dev model, a user with an acknowledged
 * sub-account and one answered chat. Run with {@code scripts/sdk-benchmark.sh}.
 *
 * <ul>
 *   <li>{@code requestHeadersCached}: {@code inference().requestHeaders(provider)} with a live
 *       session token, the request path of every call;</li>
 *   <li>{@code requestHeadersColdToken}: a token cache miss, i.e. build the token JSON, keccak,
 *       secp256k1 sign and encode (the acknowledgement and generation stay cached, as after expiry);</li>
 *   <li>{@code processResponse}: §5.3 against the local broker, HTTP round trip included;</li>
 *   <li>{@code processResponseExactBytes}: the same plus recomputing both hashes from the exact bytes;</li>
 *   <li>{@code verifySignatureLocally}: the CPU part alone, recover the signer and recompute the text.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SdkBenchmark {
    private static final String CHAT =
            "{\"model\":\"dev-model\",\"messages\":[{\"role\":\"user\",\"content\":\"benchmark me\"}]}";

    private InferenceNetwork net;
    private ZgComputeBroker user;
    private Address provider;
    private String chatId;
    private byte[] requestBody;
    private byte[] responseBody;
    private Service service;
    private String signedText;
    private Signature signature;
    private SessionCache coldCache;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dir = Files.createTempDirectory("sdk-benchmark");
        net = new InferenceNetwork(dir);
        user = net.readyUser();
        provider = net.provider;
        user.inference().requestHeaders(provider);
        ChatResponse answer = user.inference().chat(provider, CHAT);
        chatId = answer.chatId().orElseThrow();
        requestBody = answer.requestBody();
        responseBody = answer.responseBody();
        service = user.inference().getService(provider);
        JsonNode signed = Jsons.MAPPER.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.url() + "/v1/proxy/signature/" + chatId)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        signedText = signed.get("text").asText();
        signature = Signature.of(signed.get("signature").asText());
        if (!processResponseExactBytes().verified()) {
            throw new IllegalStateException("the benchmark's chat does not verify; fix that before measuring");
        }

        Secp256k1Key key = Secp256k1Key.random();
        Account account = new Account(key.address(), provider, BigInteger.ZERO, Units.og(1), BigInteger.ZERO, List.of(),
                "", true, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
        coldCache = new SessionCache(WalletSigner.of(key), Clock.systemUTC(), p -> Optional.of(account));
    }

    @TearDown(Level.Trial)
    public void stop() {
        user.close();
        net.close();
    }

    @Benchmark
    public Map<String, String> requestHeadersCached() {
        return user.inference().requestHeaders(provider);
    }

    @Benchmark
    public String requestHeadersColdToken() {
        coldCache.clearTokens(provider);
        return coldCache.authorizationHeader(provider);
    }

    @Benchmark
    public ResponseVerification processResponse() {
        return user.inference().processResponse(provider, chatId);
    }

    @Benchmark
    public ResponseVerification processResponseExactBytes() {
        return user.inference().processResponse(provider, chatId, requestBody, responseBody);
    }

    @Benchmark
    public boolean verifySignatureLocally() {
        return ResponseSigning.recover(signedText, signature).equals(Optional.of(service.teeSignerAddress()))
                && ResponseVerifier.expectedText(service, requestBody, responseBody).equals(signedText);
    }
}
