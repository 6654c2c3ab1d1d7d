package ai.zerog.compute.cli;

import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ApiKey;
import ai.zerog.compute.sdk.InferenceBroker;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inference get-secret --provider <address>}: mints a persistent API key ({@code app-sk-…})
 * by signing, without a transaction. Slot from {@code --token-id} or the lowest not revoked;
 * lifetime from {@code --duration <ms>} (0 = never) or the menu, asked before any network access
 * as the official CLI does. Nobody to answer the menu means no key: a key that never expires is
 * only minted when someone chose it.
 */
@Command(name = "get-secret", mixinStandardHelpOptions = true,
        description = "Create an API key (Bearer app-sk-...) for direct calls to a provider")
final class GetSecretCommand implements Callable<Integer> {
    private static final List<String> DURATIONS = List.of("Never expires", "1 hour", "24 hours", "7 days", "30 days",
            "Custom (seconds)");
    private static final List<Duration> DURATION_VALUES = List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofDays(7), Duration.ofDays(30));
    private static final String NO_TERMINAL = "Choose the lifetime with --duration <ms>: e.g. --duration 86400000"
            + " (24 hours), or --duration 0 for a key that never expires (revoke it with inference revoke-token).";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    JsonOption json;

    @Option(names = "--provider", paramLabel = "<address>", required = true, converter = AddressConverter.class,
            description = "Provider the key is for")
    Address provider;

    @Option(names = "--token-id", paramLabel = "<id>", description = "Key slot 0-254 (default: the lowest not revoked)")
    String tokenId;

    @Option(names = "--duration", paramLabel = "<ms>",
            description = "Lifetime in milliseconds, 0 = never expires (default: ask; needs a terminal)")
    String duration;

    @Override
    public Integer call() {
        CliEnvironment environment = ZgComputeCli.environment(spec);
        Optional<Integer> slot = Optional.ofNullable(tokenId).map(TokenIds::parse);
        Duration validity = Optional.ofNullable(duration).map(GetSecretCommand::parseDuration)
                .orElseGet(() -> askDuration(environment));
        ApiKey key;
        Service service;
        try (CliSession session = CliBrokers.session(environment, network)) {
            session.broker().ledger().getLedger(); // no ledger: the official "Account does not exist…"
            InferenceBroker inference = session.broker().inference();
            if (inference.account(provider).isEmpty()) {
                throw new CliFailure("Sub-account not found. Initialize it by transferring funds via \"transfer-fund\"",
                        "Run: 0g-compute-cli transfer-fund --provider " + provider.checksummed() + " --amount 1");
            }
            service = inference.getService(provider);
            key = create(inference, slot, validity);
        }
        if (json.enabled()) {
            ObjectNode node = JsonOption.object().put("provider", provider.checksummed())
                    .put("serviceType", service.serviceType()).put("tokenId", key.tokenId())
                    .put("expiresAt", key.expiresAt().map(Object::toString).orElse("never"))
                    .put("apiKey", key.key()).put("authorization", key.authorizationHeader())
                    .put("endpoint", service.url() + "/v1/proxy");
            environment.out().print(JsonOption.render(node));
        } else {
            print(environment.out(), key, service);
        }
        return ExitCodes.OK;
    }

    private ApiKey create(InferenceBroker inference, Optional<Integer> slot, Duration validity) {
        if (validity.isZero()) {
            return slot.map(id -> inference.createApiKey(provider, id)).orElseGet(() -> inference.createApiKey(provider));
        }
        return slot.map(id -> inference.createApiKey(provider, id, validity))
                .orElseGet(() -> inference.createApiKey(provider, validity));
    }

    private static Duration parseDuration(String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidOptionValue("Duration must be a non-negative number (milliseconds)");
    }

    /** The menu; without a terminal it fails (no key) and says how to choose with {@code --duration}. */
    private static Duration askDuration(CliEnvironment environment) {
        Prompter prompter = Prompter.of(environment);
        int picked = prompter.choose("Please select the API Key expiration duration:", DURATIONS, NO_TERMINAL);
        if (picked < DURATION_VALUES.size()) {
            return DURATION_VALUES.get(picked);
        }
        while (true) {
            String seconds = prompter.line("Duration in seconds:", NO_TERMINAL);
            try {
                long value = Long.parseLong(seconds);
                if (value >= 0) {
                    return Duration.ofSeconds(value);
                }
            } catch (NumberFormatException ignored) {
                // asked again
            }
            environment.err().println("Duration must be a non-negative number");
        }
    }

    private static void print(PrintStream out, ApiKey key, Service service) {
        String who = service.provider().checksummed();
        out.println("✓ API Key generated successfully!");
        out.println("Provider: " + who);
        out.println("Service Type: " + service.serviceType());
        out.println("Token ID: " + key.tokenId());
        out.println("Expires: " + key.expiresAt().map(t -> WHEN.format(t.atZone(ZoneId.systemDefault()))).orElse("Never"));
        out.println();
        out.println("Use this Authorization header:");
        out.println();
        out.println("Authorization: " + key.authorizationHeader());
        out.println();
        out.println("Example curl command:");
        out.println();
        out.println(CurlExample.of(service, key.authorizationHeader()));
        out.println();
        out.println("⚠️  IMPORTANT SECURITY NOTES:");
        out.println("   • Revoke this key: 0g-compute-cli inference revoke-token --provider " + who + " --token-id " + key.tokenId());
        out.println("   • Create another key: 0g-compute-cli inference get-secret --provider " + who + " --token-id <0-254>");
        out.println("   • Keep it secret: anyone holding it spends from your sub-account with this provider");
        if (key.expiresAt().isPresent()) {
            out.println("   • It expires automatically at the time shown above");
        }
    }
}
