package ai.zerog.compute.provider;

import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.DevnetDeployer;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ResponseSigning;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SessionTokens;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A local devnet in one command: anvil (state kept in {@code devnet-data/}), our contracts at
 * the addresses the official tools expect, one provider broker serving the built-in dev model
 * (registered, acknowledged, settling), a funded dev wallet, and one verified chat answer
 * through it. Runs until Ctrl-C, which stops everything and saves the chain state.
 * Usage: {@code DevnetMain [rpcPort] [providerPort] [dataDir]}.
 */
public final class DevnetMain {
    static final String MODEL = "dev-model";
    static final BigInteger INPUT_PRICE = BigInteger.valueOf(1_000_000_000L);
    static final BigInteger OUTPUT_PRICE = BigInteger.valueOf(2_000_000_000L);

    private DevnetMain() {
    }

    public static void main(String[] args) throws Exception {
        int rpcPort = args.length > 0 ? Integer.parseInt(args[0]) : 8545;
        int providerPort = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        Path data = Path.of(args.length > 2 ? args[2] : "devnet-data").toAbsolutePath();
        PrintStream out = System.out;
        quietLibraryLogs();
        List<String> keys = AnvilNode.defaultPrivateKeys();
        Secp256k1Key owner = Secp256k1Key.fromHex(keys.get(0));
        Secp256k1Key wallet = Secp256k1Key.fromHex(keys.get(1));
        Secp256k1Key providerKey = Secp256k1Key.fromHex(keys.get(2));

        out.println("Starting anvil on 127.0.0.1:" + rpcPort + " (state in " + data + ") ...");
        AnvilNode node = AnvilNode.start(AnvilOptions.builder().port(rpcPort)
                .stateFile(data.resolve("anvil-state.json")).logFile(data.resolve("anvil.log")).build());
        EvmRpc rpc = EvmRpc.connect(node.rpcUrl());
        DevnetDeployer.Result chain = DevnetDeployer.ensureDeployed(rpc, owner,
                DevnetDeployer.Options.defaults(data.resolve("network.json")));
        NetworkProfile profile = chain.profile();
        out.println((chain.deployed() ? "Deployed" : "Found") + " LedgerManager " + profile.ledger()
                + " and InferenceServing " + profile.inference() + " (chain " + profile.chainId() + ")");

        SoftwareTeeSigner signer = SoftwareTeeSigner.openOrCreate(data.resolve("provider/tee-signer.json"));
        FeeStore store = FeeStore.sqlite(data.resolve("provider/fees.db"));
        BrokerMetrics metrics = BrokerMetrics.prometheus();
        SettlementWorker settlement = SettlementWorker.create(store, TransactionSender.create(rpc, providerKey),
                profile.inference(), signer, profile.chainId(), Clock.systemUTC(),
                SettlementConfig.defaults().withInterval(Duration.ofMinutes(1)), metrics);
        ProviderConfig config = new ProviderConfig("127.0.0.1", providerPort, "chatbot", MODEL, INPUT_PRICE, OUTPUT_PRICE,
                "TeeML", RateLimits.DEFAULTS, ProviderConfig.DEFAULT_MAX_BODY_BYTES,
                ProviderConfig.DEFAULT_SIGNATURE_RETENTION, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(1));
        ProviderServer server = ProviderServer.start(config, new ProviderParts(rpc, profile.inference(),
                providerKey.address(), signer, store, DevModel.create(), settlement::requestEarlySettlement,
                Clock.systemUTC(), metrics));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            settlement.close();
            store.close();
            node.close();
        }, "devnet-shutdown"));
        settlement.start();

        RegistrationResult registration = ServiceRegistration.register(TransactionSender.create(rpc, providerKey),
                profile.inference(), ServiceConfig.of("chatbot", server.url(), MODEL, INPUT_PRICE, OUTPUT_PRICE), signer);
        InferenceServingContract asOwner = InferenceServingContract.withSender(TransactionSender.create(rpc, owner),
                profile.inference());
        if (!asOwner.getService(providerKey.address()).teeSignerAcknowledged()) {
            asOwner.acknowledgeTEESignerByOwner(providerKey.address());
        }
        out.println("Provider " + providerKey.address() + " serves " + MODEL + " at " + server.url() + "/v1/proxy ("
                + registration.outcome().name().toLowerCase(java.util.Locale.ROOT) + ", TEE signer "
                + signer.address() + ", acknowledged)");

        fundWallet(rpc, profile, wallet, providerKey.address());
        out.println("Dev wallet " + wallet.address() + " has a ledger and a sub-account with the provider.");
        demoChat(out, server.url(), providerKey.address(), wallet, signer.address());

        out.println();
        out.println("Devnet is up. RPC " + profile.rpcUrl() + ", profile " + data.resolve("network.json")
                + ", broker metrics at " + server.url() + "/metrics");
        out.println("Accounts are anvil's well-known dev keys (#0 owner, #1 dev wallet, #2 provider): never use them"
                + " on a real network. Press Ctrl-C to stop; the chain state is kept.");
        new CountDownLatch(1).await();
    }

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<java.util.logging.Logger> QUIETED = List.of("io.helidon", "org.flywaydb",
            "com.zaxxer.hikari").stream().map(java.util.logging.Logger::getLogger).toList();

    /** Helidon and Flyway announce themselves at INFO; the devnet prints its own summary instead. */
    private static void quietLibraryLogs() {
        QUIETED.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    }

    /** A ledger of 10 0G and at least 3 0G locked with the provider, created or topped up. */
    private static void fundWallet(EvmRpc rpc, NetworkProfile profile, Secp256k1Key wallet, Address provider) {
        LedgerManagerContract ledger = LedgerManagerContract.withSender(TransactionSender.create(rpc, wallet),
                profile.ledger());
        try {
            ledger.getLedger(wallet.address());
        } catch (ContractRevertException e) {
            ledger.addLedger("", Units.og(10));
        }
        BigInteger locked = BigInteger.ZERO;
        InferenceServingContract inference = InferenceServingContract.readOnly(rpc, profile.inference());
        if (inference.accountExists(wallet.address(), provider)) {
            locked = inference.getAccount(wallet.address(), provider).usableBalance();
        }
        BigInteger missing = Units.og(3).subtract(locked);
        if (missing.signum() > 0) {
            if (ledger.getLedger(wallet.address()).availableBalance().compareTo(missing) < 0) {
                ledger.depositFund(missing);
            }
            ledger.transferFund(provider, NetworkProfile.INFERENCE_SERVICE_NAME, missing.max(Units.og(1)));
        }
    }

    /** One chat request with a fresh session token, and its signature checked against the TEE signer. */
    private static void demoChat(PrintStream out, URI broker, Address provider, Secp256k1Key wallet, Address teeSigner)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String bearer = SignedSessionToken.sign(SessionTokens.ephemeral(wallet.address(), provider.checksummed(), 0,
                Clock.systemUTC(), Duration.ofHours(1)), wallet).authorizationHeader();
        String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello, 0G devnet!\"}]}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(broker.resolve("/v1/proxy/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            out.println("Demo chat failed: HTTP " + answer.statusCode() + " " + answer.body());
            return;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode reply = json.readTree(answer.body());
        String chatKey = answer.headers().firstValue("ZG-Res-Key").orElseThrow();
        JsonNode signed = json.readTree(http.send(HttpRequest.newBuilder(
                broker.resolve("/v1/proxy/signature/" + chatKey)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        boolean verified = ResponseSigning.recover(signed.path("text").asText(),
                Signature.of(signed.path("signature").asText())).map(teeSigner::equals).orElse(false);
        out.println("Demo chat: \"" + reply.path("choices").path(0).path("message").path("content").asText() + "\"");
        out.println("  usage " + reply.path("usage") + ", signature by the TEE signer " + (verified ? "verified" : "NOT verified"));
    }
}
