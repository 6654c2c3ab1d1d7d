package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementNonce;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One settlement round under the settler lease: resolve batches an earlier round left open (the
 * account nonce reached theirs ⇒ landed, settled; otherwise the same signed item is sent again),
 * sign and store one new item per other user with free fee records, then send everything in
 * chunks. Each step is stored before the next, so a crash anywhere is resolved by the next round.
 */
final class SettlementRound {
    private final FeeStore store;
    private final SettlementChain chain;
    private final BatchSigner signer;
    private final BatchResolver resolver;
    private final BatchSubmitter submitter;
    private final Clock clock;
    private final SettlementConfig config;

    SettlementRound(FeeStore store, SettlementChain chain, BatchSigner signer, BatchResolver resolver,
                    BatchSubmitter submitter, Clock clock, SettlementConfig config) {
        this.store = store;
        this.chain = chain;
        this.signer = signer;
        this.resolver = resolver;
        this.submitter = submitter;
        this.clock = clock;
        this.config = config;
    }

    SettlementReport run() {
        Optional<SettlerLease> lease = store.trySettlerLease();
        if (lease.isEmpty()) {
            return SettlementReport.skippedRound();
        }
        try (SettlerLease held = lease.get()) {
            RoundTally tally = new RoundTally();
            List<SettlementBatch> toSend = new ArrayList<>(recover(store.openBatches(), tally));
            Set<Address> busy = new HashSet<>();
            toSend.forEach(b -> busy.add(b.user()));
            toSend.addAll(signNew(busy));
            for (int from = 0; from < toSend.size(); from += config.maxPerTransaction()) {
                submitter.submit(toSend.subList(from, Math.min(toSend.size(), from + config.maxPerTransaction())), tally);
            }
            return tally.report();
        }
    }

    /** Settles the open batches that landed; returns the others, to send again. */
    private List<SettlementBatch> recover(List<SettlementBatch> open, RoundTally tally) {
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Address, BigInteger> nonces = chain.accountNonces(open.stream().map(SettlementBatch::user).toList());
        List<SettlementBatch> resend = new ArrayList<>();
        for (SettlementBatch batch : open) {
            if (nonces.get(batch.user()).compareTo(batch.nonce()) >= 0) {
                resolver.landed(batch, tally);
            } else {
                resend.add(batch);
            }
        }
        return resend;
    }

    /** One signed, stored item per user with free fee records, except users whose earlier item is being resent. */
    private List<SettlementBatch> signNew(Set<Address> busy) {
        List<UnsettledUser> users = store.unsettledUsers().stream()
                .filter(u -> u.total().signum() > 0 && !busy.contains(u.user()))
                .toList();
        if (users.isEmpty()) {
            return List.of();
        }
        Map<Address, BigInteger> nonces = chain.accountNonces(users.stream().map(UnsettledUser::user).toList());
        // the new transaction cannot be in the current head block, so its result is searched after it
        long fromBlock = chain.blockNumber() + 1;
        BigInteger timeNonce = SettlementNonce.at(clock.instant());
        List<SettlementBatch> batches = new ArrayList<>();
        for (UnsettledUser user : users) {
            // time-based like the official broker, but always above the account's last nonce
            BigInteger nonce = timeNonce.max(nonces.get(user.user()).add(BigInteger.ONE));
            List<FeeRecord> records = store.unsettledRecords(user.user(), config.maxRecordsPerSettlement());
            if (!records.isEmpty()) {
                batches.add(store.createBatch(signer.sign(user.user(), records, nonce, fromBlock, clock.instant())));
            }
        }
        return batches;
    }
}
