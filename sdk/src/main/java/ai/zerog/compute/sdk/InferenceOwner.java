package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.core.Address;

/**
 * What only the InferenceServing contract's owner may do: vouch for a provider's TEE signer (users
 * see a service in the default listing only once the owner has acknowledged it) and take that back.
 * Every call first checks that this wallet is the owner and that the provider has a service, so a
 * mistake is refused with nothing sent.
 */
public final class InferenceOwner {
    private final SdkContext context;

    InferenceOwner(SdkContext context) {
        this.context = context;
    }

    /** Acknowledges the TEE signer {@code provider}'s service currently declares. */
    public void acknowledgeTeeSigner(Address provider) {
        String action = "acknowledging the TEE signer of provider " + provider.checksummed() + " as contract owner";
        checked(action, provider);
        ChainFailures.run(action, () -> contract().acknowledgeTEESignerByOwner(provider));
    }

    /** Revokes the owner's acknowledgement of {@code provider}'s TEE signer. */
    public void revokeTeeSigner(Address provider) {
        String action = "revoking the TEE signer acknowledgement of provider " + provider.checksummed();
        checked(action, provider);
        ChainFailures.run(action, () -> contract().revokeTEESignerAcknowledgement(provider));
    }

    /** The contract's owner. */
    public Address owner() {
        return ChainFailures.call("reading the InferenceServing owner", () -> contract().owner());
    }

    private void checked(String action, Address provider) {
        Address owner = owner();
        Address wallet = context.wallet().address();
        if (!owner.equals(wallet)) {
            throw new InvalidInputException(action + " was refused: only the owner " + owner.checksummed()
                    + " of the InferenceServing contract " + contract().address().checksummed()
                    + " may do this, and this wallet is " + wallet.checksummed() + "; sign with the owner's key");
        }
        boolean exists = ChainFailures.call("reading the service of provider " + provider.checksummed(),
                () -> contract().serviceExists(provider));
        if (!exists) {
            throw new InvalidInputException(action + " was refused: provider " + provider.checksummed()
                    + " has no service on the InferenceServing contract " + contract().address().checksummed()
                    + "; check the address (`0g-compute-cli inference list-providers --include-invalid`)");
        }
    }

    private InferenceServingContract contract() {
        return context.inferenceContract();
    }
}
