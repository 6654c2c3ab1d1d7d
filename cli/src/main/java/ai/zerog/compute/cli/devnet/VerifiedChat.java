package ai.zerog.compute.cli.devnet;

import java.util.Optional;

/**
 * One chat answer from a devnet provider and whether its TEE signature verified (the SDK's
 * {@code processResponse} with the exact bytes sent and received); {@code failure} says why not.
 */
public record VerifiedChat(String reply, String usageJson, boolean verified, Optional<String> failure) {
}
