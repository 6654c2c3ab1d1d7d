package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.AdmissionRule;
import ai.zerog.compute.core.Address;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's side of inference (PROTOCOL.md §3–§7): find providers, acknowledge them, authenticate
 * requests with cached ephemeral session tokens or persistent API keys, verify signed answers, and
 * keep sub-accounts funded in the background. Thread-safe; get it from {@link ZgComputeBroker#inference()}.
 *
 * <p>Unlike the official SDK, {@link #requestHeaders} never sends a transaction: start
 * {@link #startAutoFunding} (or transfer funds yourself) to keep the sub-account above the
 * provider's reserve, so the request path stays a cache lookup.
 */
public final class InferenceBroker implements AutoCloseable {
    static final Duration UNSETTLED_FEE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CHAT_TIMEOUT = Duration.ofMinutes(5);
    static final int CHAT_MAX_BYTES = 64 * 1024 * 1024;

    private final SdkContext context;
    private final LedgerBroker ledger;
    private final InferenceServingContract contract;
    private final ProviderHttp http;
    private final ServiceDirectory services;
    private final SessionCache sessions;
    private final ApiKeys apiKeys;
    private final CachedFees cachedFees;
    private final ResponseVerifier verifier;
    private final ServiceVerifier attestation;
    private final AutoFunder autoFunder;

    InferenceBroker(SdkContext context, LedgerBroker ledger) {
        this.context = context;
        this.ledger = ledger;
        this.contract = context.inferenceContract();
        this.http = new ProviderHttp(context.http());
        this.services = new ServiceDirectory(contract, http, context.clock());
        this.sessions = new SessionCache(context.wallet(), context.clock(), this::readAccount);
        this.apiKeys = new ApiKeys(contract, context.wallet(), context.clock());
        this.cachedFees = new CachedFees(context.clock());
        this.verifier = new ResponseVerifier(http);
        this.attestation = new ServiceVerifier(http);
        this.autoFunder = new AutoFunder(new AutoFunder.Parts(this::fetchUnsettledFee, this::readAccount,
                ledger::transferFund, cachedFees));
    }

    // ---- services ----

    /** Every service whose TEE signer the contract owner acknowledged, across all pages. */
    public List<Service> listServices() {
        return services.list(false);
    }

    /** Every registered service; with {@code includeUnacknowledged} also those nobody can use yet. */
    public List<Service> listServices(boolean includeUnacknowledged) {
        return services.list(includeUnacknowledged);
    }

    /** The service {@code provider} registered, read fresh from chain; unknown providers are refused. */
    public Service getService(Address provider) {
        return services.fresh(provider);
    }

    /** The OpenAI-compatible endpoint ({@code url + "/v1/proxy"}) and the provider's default model. */
    public ServiceMetadata serviceMetadata(Address provider) {
        Service service = services.cached(provider);
        return new ServiceMetadata(URI.create(service.url() + "/v1/proxy"), service.model());
    }

    /** The endpoint with a model of the caller's choice (multi-model providers; not validated here). */
    public ServiceMetadata serviceMetadata(Address provider, String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("model must not be blank; see inference().providerModels(provider)");
        }
        return new ServiceMetadata(URI.create(services.cached(provider).url() + "/v1/proxy"), model);
    }

    /** The provider's model catalogue, {@code GET {url}/v1/models} (10 s timeout, 5 MB cap). */
    public ProviderModels providerModels(Address provider) {
        return services.models(provider);
    }

    // ---- account and acknowledgement ----

    /** This wallet's sub-account with {@code provider}, if there is one. */
    public Optional<Account> account(Address provider) {
        return ChainFailures.call("reading the sub-account with provider " + provider.checksummed(),
                () -> readAccount(provider));
    }

    private Optional<Account> readAccount(Address provider) {
        try {
            Account account = contract.getAccount(context.wallet().address(), provider);
            sessions.remember(account);
            return Optional.of(account);
        } catch (ContractRevertException e) {
            if (e.errorName().equals("AccountNotExists")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Makes {@code provider} usable (§7.6): without a sub-account, transfers the minimum (at least
     * 1 0G) from the ledger, which creates and acknowledges it; then acknowledges the TEE signer if
     * that is still needed. Unknown providers are refused before any money moves.
     */
    public void acknowledgeProvider(Address provider) {
        services.fresh(provider);
        if (account(provider).isEmpty()) {
            ledger.transferFund(provider, AdmissionRule.MIN_LOCKED_BALANCE.max(ledger.minimumTransferAmount()));
        }
        if (!account(provider).map(Account::acknowledged).orElse(false)) {
            ChainFailures.run("acknowledging provider " + provider.checksummed(),
                    () -> contract.acknowledgeTEESigner(provider, true));
        }
        sessions.clearAcknowledgement(provider);
    }

    /** Withdraws the acknowledgement; the contract allows it only once the sub-account balance is 0. */
    public void revokeAcknowledgement(Address provider) {
        sessions.clearAcknowledgement(provider);
        ChainFailures.run("revoking the acknowledgement of provider " + provider.checksummed()
                        + " (only possible once its sub-account balance is 0: retrieve the funds first)",
                () -> contract.acknowledgeTEESigner(provider, false));
    }

    // ---- authentication ----

    /**
     * {@code {"Authorization": "Bearer app-sk-…"}} with an ephemeral 24 h session token, cached per
     * provider and renewed when less than an hour is left (§3.4). Refuses with
     * {@link ProviderNotAcknowledgedException} unless the sub-account exists and is acknowledged.
     */
    public Map<String, String> requestHeaders(Address provider) {
        try {
            return Map.of("Authorization", sessions.authorizationHeader(provider));
        } catch (ChainException e) {
            throw ChainFailures.translate("reading the sub-account with provider " + provider.checksummed(), e);
        }
    }

    /** A persistent API key with the lowest id not revoked on chain, never expiring. */
    public ApiKey createApiKey(Address provider) {
        return apiKeys.create(provider, account(provider), Optional.empty(), Optional.empty());
    }

    /** A persistent API key with id {@code tokenId} (0–254, not revoked), never expiring. */
    public ApiKey createApiKey(Address provider, int tokenId) {
        return apiKeys.create(provider, account(provider), Optional.of(tokenId), Optional.empty());
    }

    /** A persistent API key with the lowest id not revoked, valid for {@code validity}. */
    public ApiKey createApiKey(Address provider, Duration validity) {
        return apiKeys.create(provider, account(provider), Optional.empty(), Optional.of(validity));
    }

    /** A persistent API key with id {@code tokenId} (0–254, not revoked), valid for {@code validity}. */
    public ApiKey createApiKey(Address provider, int tokenId, Duration validity) {
        return apiKeys.create(provider, account(provider), Optional.of(tokenId), Optional.of(validity));
    }

    /** Revokes the persistent key {@code tokenId} on chain; providers refuse it once they see the event. */
    public void revokeApiKey(Address provider, int tokenId) {
        apiKeys.revoke(provider, tokenId);
    }

    /** Revokes every key and session token for {@code provider} (a generation bump); clears our session cache. */
    public void revokeAllApiKeys(Address provider) {
        apiKeys.revokeAll(provider);
        sessions.clearTokens(provider);
    }

    // ---- requests and verification ----

    /**
     * Sends an OpenAI chat body to the provider with our session header and returns the exact bytes
     * sent and received. For {@code "stream": true} the body gets {@code stream_options.include_usage
     * = true} when missing (the broker would add it and sign its own version), so the returned
     * request bytes are exactly what the provider signs. Broker refusals become typed exceptions.
     */
    public ChatResponse chat(Address provider, String requestJson) {
        byte[] body = withStreamUsage(requestJson);
        URI url = URI.create(services.cached(provider).url() + "/v1/proxy/chat/completions");
        Map<String, String> headers = Map.of("Authorization", requestHeaders(provider).get("Authorization"),
                "Content-Type", "application/json");
        ProviderHttp.Answer answer = http.post(url, headers, body, CHAT_TIMEOUT, CHAT_MAX_BYTES);
        if (!answer.ok()) {
            throw failureOf(provider, url, answer);
        }
        return new ChatResponse(body, answer.body(), answer.header("ZG-Res-Key"));
    }

    /**
     * The typed exception for a provider's non-2xx answer to a request the caller sent itself with
     * {@link #requestHeaders} (a stream relayed as it arrives, a multipart upload): the same mapping
     * {@link #chat} uses, and the same cache upkeep (a revoked or expired session token is minted
     * afresh next time, a lost acknowledgement is read again).
     */
    public SdkException providerFailure(Address provider, URI url, int status, Map<String, List<String>> headers,
                                        byte[] body) {
        return failureOf(provider, url, new ProviderHttp.Answer(status, headers, body.clone()));
    }

    private SdkException failureOf(Address provider, URI url, ProviderHttp.Answer answer) {
        SdkException failure = ProviderHttp.failure(provider, url, answer, lockedQuietly(provider));
        if (failure instanceof ProviderNotAcknowledgedException) {
            sessions.clearAcknowledgement(provider);
        } else if (answer.status() == 400 && ProviderHttp.errorText(answer.text()).contains("session token")) {
            sessions.clearTokens(provider); // revoked or expired: mint afresh next time
        }
        return failure;
    }

    private static byte[] withStreamUsage(String requestJson) {
        byte[] raw = requestJson.getBytes(StandardCharsets.UTF_8);
        if (!ResponseVerifier.isStreamWithoutUsage(raw)) {
            return raw;
        }
        try {
            ObjectNode request = (ObjectNode) Jsons.MAPPER.readTree(raw);
            JsonNode options = request.get("stream_options");
            ObjectNode streamOptions = options instanceof ObjectNode o ? o : request.putObject("stream_options");
            streamOptions.put("include_usage", true);
            return Jsons.MAPPER.writeValueAsBytes(request);
        } catch (IOException | ClassCastException notAnObject) {
            return raw; // the provider will refuse it with a message naming the problem
        }
    }

    private Optional<BigInteger> lockedQuietly(Address provider) {
        try {
            return readAccount(provider).map(Account::usableBalance);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * §5.3: checks that the provider's TEE signer signed the answer {@code chatId} (the
     * {@code ZG-Res-Key} response header). A {@code false} verdict carries the reason (wrong signer,
     * unsigned or unacknowledged service, missing or garbage signature); throws only when the provider
     * could not be asked ({@link ProviderUnreachableException}, {@link RateLimitedException}).
     */
    public ResponseVerification processResponse(Address provider, String chatId) {
        return verifier.verify(services.cached(provider), chatId);
    }

    /** As {@link #processResponse(Address, String)}, first adding the client fee estimate of {@code usageJson} to the cached fee. */
    public ResponseVerification processResponse(Address provider, String chatId, String usageJson) {
        Objects.requireNonNull(usageJson, "usageJson (use processResponse(provider, chatId) without usage)");
        Service service = services.cached(provider);
        cachedFees.add(provider, CachedFees.estimate(service, usageJson));
        return verifier.verify(service, chatId);
    }

    /**
     * Stronger than the official check: also recomputes the signed text from the exact request bytes
     * sent and response bytes received (the whole SSE stream for a streamed answer; decoded
     * {@code b64_json} images for image services) and requires equality, so a provider cannot sign
     * something other than what arrived. The response's usage feeds the cached fee. A streamed chat
     * request must carry {@code "stream_options":{"include_usage":true}} (as {@link #chat} ensures):
     * otherwise the broker adds it and signs a body the caller never saw.
     */
    public ResponseVerification processResponse(Address provider, String chatId, byte[] exactRequestBody,
                                                byte[] exactResponseBytes) {
        Service service = services.cached(provider);
        CachedFees.usageOf(exactResponseBytes)
                .ifPresent(usage -> cachedFees.add(provider, CachedFees.estimate(service, usage)));
        return verifier.verifyExact(service, chatId, exactRequestBody.clone(), exactResponseBytes.clone());
    }

    /**
     * Checks the provider's TEE attestation (§6.2) the way the official {@code verifyService} does:
     * reads the service fresh from chain, saves the report(s) from {@code /v1/quote} (and the model's
     * own report when it runs in a separate TEE) into {@code outputDir} ({@code attestation_report.json},
     * or {@code broker_attestation_report.json} and {@code llm_attestation_report.json}), and checks that
     * each report binds the TEE signer registered on chain, that sha256 of its compose manifest equals
     * the measured {@code compose-hash} event, and that the signer is acknowledged. Progress goes to
     * {@code listener} step by step. A failed check is a verdict in the result, not an exception; only
     * an unreachable or rate-limiting provider throws. The TDX quote itself is not verified (see
     * {@link ServiceVerification}).
     */
    public ServiceVerification verifyService(Address provider, Path outputDir, VerificationListener listener) {
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(listener, "listener (use VerificationListener.NONE)");
        return attestation.verify(services.fresh(provider), outputDir, listener);
    }

    /** {@link #verifyService(Address, Path, VerificationListener)} without progress reports. */
    public ServiceVerification verifyService(Address provider, Path outputDir) {
        return verifyService(provider, outputDir, VerificationListener.NONE);
    }

    /** The sum of fee estimates since the last top-up (or the last reported unsettled fee), in neuron. */
    public BigInteger cachedFee(Address provider) {
        return cachedFees.get(provider);
    }

    // ---- auto-funding ----

    /** Keeps the sub-account with {@code provider} funded with the defaults (every 30 s, 2 × 1 0G buffer). */
    public void startAutoFunding(Address provider) {
        startAutoFunding(provider, AutoFundingConfig.defaults());
    }

    /**
     * Checks now, before returning (a top-up, when needed, is confirmed by then; a failed one is
     * logged), then every {@code config.interval()} on a virtual thread; restarts with the new config.
     */
    public void startAutoFunding(Address provider, AutoFundingConfig config) {
        services.fresh(provider);
        autoFunder.start(provider, config);
    }

    public void stopAutoFunding(Address provider) {
        autoFunder.stop(provider);
    }

    public boolean isAutoFunding(Address provider) {
        return autoFunder.isRunning(provider);
    }

    /** One auto-funding check now, on the caller's thread; failures propagate (for tests and the CLI). */
    AutoFunder.Outcome runAutoFundingOnce(Address provider) {
        return autoFunder.check(provider, autoFunder.config(provider).orElse(AutoFundingConfig.defaults()));
    }

    /** {@code GET /v1/user/{me}/unsettledfee}; empty on any failure so the cached fee is used (§7.6). */
    private Optional<BigInteger> fetchUnsettledFee(Address provider) {
        try {
            String me = context.wallet().address().checksummed();
            URI url = URI.create(services.cached(provider).url() + "/v1/user/" + me + "/unsettledfee");
            ProviderHttp.Answer answer = http.get(url, requestHeaders(provider), UNSETTLED_FEE_TIMEOUT, 64 * 1024);
            if (!answer.ok()) {
                return Optional.empty();
            }
            JsonNode fee = Jsons.MAPPER.readTree(answer.body()).path("unsettledFee");
            String digits = fee.isTextual() || fee.isIntegralNumber() ? fee.asText() : "0";
            BigInteger value = new BigInteger(digits.isEmpty() ? "0" : digits);
            return value.signum() < 0 ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    /** Stops auto-funding; everything else keeps working. */
    @Override
    public void close() {
        autoFunder.close();
    }
}
