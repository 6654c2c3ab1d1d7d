package ai.zerog.compute.provider;

import ai.zerog.compute.chain.TxReceipt;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ServiceRegistration} did: the outcome, the transaction if one was sent, the stake
 * that moved (staked on first registration, returned on removal, else 0) and whether the
 * contract owner has acknowledged the service's TEE signer afterwards. {@link #summary()} says it
 * in a sentence or two for an operator.
 */
public record RegistrationResult(Outcome outcome, Address provider, Optional<TxReceipt> receipt, BigInteger stake,
                                 boolean teeSignerAcknowledged, boolean acknowledgementReset, Address contractOwner) {

    public enum Outcome {
        /** First registration: the stake was sent. */
        REGISTERED,
        /** An existing service was changed (no stake moves). */
        UPDATED,
        /** The service on chain already equalled the configuration; nothing was sent. */
        UNCHANGED,
        /** The service was removed and its stake returned. */
        REMOVED,
        /** Removal was asked for a provider without a service; nothing was sent. */
        NOT_REGISTERED
    }

    public RegistrationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(stake, "stake");
        Objects.requireNonNull(contractOwner, "contractOwner");
    }

    public Optional<Hash32> transactionHash() {
        return receipt.map(TxReceipt::transactionHash);
    }

    public String summary() {
        String tx = transactionHash().map(h -> " (transaction " + h + ")").orElse("");
        String what = switch (outcome) {
            case REGISTERED -> "Registered the service of provider " + provider + ", staking " + Units.formatOg(stake)
                    + " 0G" + tx + ".";
            case UPDATED -> "Updated the service of provider " + provider + tx + ".";
            case UNCHANGED -> "The service of provider " + provider
                    + " already matches this configuration; no transaction sent.";
            case REMOVED -> "Removed the service of provider " + provider + "; its stake of " + Units.formatOg(stake)
                    + " 0G was returned" + tx + ".";
            case NOT_REGISTERED -> "Provider " + provider + " has no service registered; nothing to remove.";
        };
        if (outcome == Outcome.REMOVED || outcome == Outcome.NOT_REGISTERED) {
            return what;
        }
        if (teeSignerAcknowledged) {
            return what + " Its TEE signer is acknowledged by the contract owner.";
        }
        return what + " Its TEE signer is not acknowledged"
                + (acknowledgementReset ? " any more (changing the service type, model, verifiability, additionalInfo "
                        + "or TEE signer resets it)" : "")
                + ": clients will not use the service until the contract owner " + contractOwner
                + " calls acknowledgeTEESignerByOwner(" + provider + ").";
    }
}
