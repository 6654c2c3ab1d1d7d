package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.RequestsHash;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.TeeSettlement;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns one user's fee records into a TEE-signed settlement item the way the official broker
 * fills it (PROTOCOL.md §1.7): total = sum of the records, requestsHash over the records in order.
 */
final class BatchSigner {
    private final TeeSigner signer;
    private final SettlementDomain domain;
    private final Address provider;

    BatchSigner(TeeSigner signer, SettlementDomain domain, Address provider) {
        this.signer = signer;
        this.domain = domain;
        this.provider = provider;
    }

    NewBatch sign(Address user, List<FeeRecord> records, BigInteger nonce, long fromBlock, Instant now) {
        BigInteger total = records.stream().map(FeeRecord::fee).reduce(BigInteger.ZERO, BigInteger::add);
        Hash32 requestsHash = RequestsHash.of(records.stream()
                .map(r -> new RequestsHash.Row(r.requestHash(), r.user().hex(), r.fee(), r.inputFee(), r.outputFee()))
                .toList());
        Hash32 digest = domain.digest(requestsHash, nonce, provider, user, total);
        TeeSettlement item = new TeeSettlement(user, provider, total, requestsHash, nonce, signer.signDigest(digest));
        Optional<Address> recovered = domain.recoverSigner(item);
        if (!recovered.equals(Optional.of(signer.address()))) {
            throw new ProviderException("the " + signer.kind() + " TEE signer " + signer.address()
                    + " produced a settlement signature that recovers to " + recovered.map(Address::toString).orElse("nothing"));
        }
        return new NewBatch(item, records.stream().map(FeeRecord::requestHash).toList(), fromBlock, now);
    }
}
