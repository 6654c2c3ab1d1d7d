package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.SettlementOutcome;
import ai.zerog.compute.chain.SettlementPreview;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.TeeSettlement;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chain as the settlement worker sees it: the provider's accounts, preview, settle, chain head. */
final class SettlementChain {
    /** {@code getBatchAccountsByUsers} takes at most 500 users. */
    private static final int ACCOUNTS_PER_CALL = 500;

    private final TransactionSender sender;
    private final InferenceServingContract contract;

    SettlementChain(TransactionSender sender, Address inferenceServing) {
        this.sender = sender;
        this.contract = InferenceServingContract.withSender(sender, inferenceServing);
    }

    Address provider() {
        return sender.address();
    }

    InferenceServingContract contract() {
        return contract;
    }

    /** Each user's last accepted settlement nonce with this provider (0 without a sub-account). */
    Map<Address, BigInteger> accountNonces(Collection<Address> users) {
        List<Address> all = List.copyOf(users);
        Map<Address, BigInteger> nonces = new HashMap<>();
        for (int from = 0; from < all.size(); from += ACCOUNTS_PER_CALL) {
            List<Address> chunk = all.subList(from, Math.min(all.size(), from + ACCOUNTS_PER_CALL));
            List<Account> accounts = contract.getBatchAccountsByUsers(provider(), chunk);
            for (int i = 0; i < chunk.size(); i++) {
                nonces.put(chunk.get(i), accounts.get(i).nonce());
            }
        }
        return nonces;
    }

    BigInteger accountNonce(Address user) {
        return accountNonces(List.of(user)).get(user);
    }

    SettlementPreview preview(List<TeeSettlement> items) {
        return contract.previewSettlementResults(provider(), items);
    }

    SettlementOutcome settle(List<TeeSettlement> items) {
        return contract.settleFeesWithTEE(new ArrayList<>(items));
    }

    long blockNumber() {
        return sender.rpc().blockNumber();
    }
}
