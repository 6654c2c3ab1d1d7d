package ai.zerog.compute.cli;

import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.PricingJson;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.provider.AdditionalInfo;
import ai.zerog.compute.provider.RegistrationResult;
import ai.zerog.compute.provider.ServiceConfig;
import ai.zerog.compute.provider.ServiceRegistration;
import ai.zerog.compute.provider.TeeSigner;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference update-service} [provider]: re-registers this wallet's service with a new URL,
 * model or prices, keeping everything else (type, verifiability, TEE signer, additional info).
 */
@Command(name = "update-service", mixinStandardHelpOptions = true,
        description = "[provider] Update your service's URL, model or prices")
final class UpdateServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--url", paramLabel = "<url>", description = "Public URL of the service")
    String url;

    @Option(names = "--model", paramLabel = "<model>", description = "Model id")
    String model;

    @Option(names = "--input-price", paramLabel = "<0G>", description = "Input price per token (per second for speech-to-text) in 0G")
    String inputPrice;

    @Option(names = "--output-price", paramLabel = "<0G>", description = "Output price per token (per image for images) in 0G")
    String outputPrice;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        if (url == null && model == null && inputPrice == null && outputPrice == null) {
            throw new CliFailure("At least one of --url, --model, --input-price, or --output-price must be provided",
                    "Example: 0g-compute-cli inference update-service --model <model>");
        }
        BigInteger input = inputPrice == null ? null : Og.parse(inputPrice, "--input-price");
        BigInteger output = outputPrice == null ? null : Og.parse(outputPrice, "--output-price");
        var out = environment.out();
        try (ProviderWallet wallet = ProviderWallet.open(environment, network)) {
            Address inference = wallet.network().profile().inference();
            Service current = current(wallet, inference);
            ServiceConfig changed = new ServiceConfig(current.serviceType(),
                    URI.create(url == null ? current.url() : url.strip()), model == null ? current.model() : model.strip(),
                    input == null ? current.inputPrice() : input, output == null ? current.outputPrice() : output,
                    current.verifiability(), additionalInfo(current.additionalInfo()));
            out.println("Updating service with options:");
            out.println("  url: " + changed.publicUrl());
            out.println("  model: " + changed.model());
            out.println("  inputPrice: " + changed.inputPrice() + " neuron");
            out.println("  outputPrice: " + changed.outputPrice() + " neuron");
            RegistrationResult result = ServiceRegistration.register(wallet.sender(), inference, changed,
                    new RegisteredSigner(current.teeSignerAddress()));
            wallet.confirmed();
            if (result.outcome() == RegistrationResult.Outcome.UNCHANGED) {
                out.println("The service already has these settings: nothing sent.");
            } else {
                out.println("Service updated successfully!");
            }
            if (result.acknowledgementReset()) {
                environment.err().println("⚠ The update reset the TEE signer acknowledgement: the contract owner must"
                        + " acknowledge it again before users see the service.");
            }
        }
        return ExitCodes.OK;
    }

    private static Service current(ProviderWallet wallet, Address inference) {
        try {
            return InferenceServingContract.readOnly(wallet.rpc(), inference).getService(wallet.address());
        } catch (ContractRevertException e) {
            throw new CliFailure("no service is registered for " + wallet.address().checksummed(),
                    "Start and register one with: 0g-compute-cli provider start --config <file>");
        }
    }

    /** The registered additional info, kept as is (PROTOCOL.md §6.3 keys, the tier table and cache billing included). */
    private static AdditionalInfo additionalInfo(String text) {
        JsonNode node;
        try {
            node = CliJson.MAPPER.readTree(text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            node = CliJson.MAPPER.createObjectNode();
        }
        return new AdditionalInfo(node.path("VerifierURL").asText(""), node.path("TEEVerifier").asText(AdditionalInfo.DSTACK),
                node.path("TargetSeparated").asBoolean(false), node.path("TargetTeeAddress").asText(""),
                node.path("ImageName").asText(""), node.path("ImageDigest").asText(""),
                PricingJson.CHAIN.tiers(node.path("tieredPricing").path("tiers")),
                PricingJson.CHAIN.cache(node.path("cacheTokenBilling")));
    }

    /**
     * The TEE signer already registered, by address only: an update keeps it, and registration
     * needs nothing else from it. (A provider-module overload taking the address would remove this.)
     */
    private record RegisteredSigner(Address address) implements TeeSigner {
        @Override
        public Signature signText(String text) {
            throw new UnsupportedOperationException("the registered TEE signer lives in the provider's broker");
        }

        @Override
        public Signature signDigest(Hash32 digest) {
            throw new UnsupportedOperationException("the registered TEE signer lives in the provider's broker");
        }

        @Override
        public String quoteDocument() {
            throw new UnsupportedOperationException("the registered TEE signer lives in the provider's broker");
        }

        @Override
        public String kind() {
            return "registered";
        }
    }
}
