package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.Ledger;
import ai.zerog.compute.chain.Refund;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wallet's ledger on LedgerManager: deposit, move money to provider sub-accounts and back,
 * refund to the wallet. Every operation checks its input and the network's minimums before a
 * transaction is sent. Thread-safe: operations that send are serialised per broker, so a
 * check and the transaction it guards see the same state (other wallets and processes can
 * still race; the contract has the last word).
 */
public final class LedgerBroker {
    /** LedgerManager's {@code MAX_PROVIDERS_PER_BATCH}: providers per {@code retrieveFund} transaction. */
    public static final int MAX_PROVIDERS_PER_BATCH = 20;

    private final SdkContext context;
    private final ReentrantLock sending = new ReentrantLock();
    private volatile Minimums minimums;
    private volatile String serviceName;

    LedgerBroker(SdkContext context) {
        this.context = context;
    }

    /** Minimum to open a ledger (and to leave behind after a partial refund), read once from the contract. */
    public BigInteger minimumLedgerBalance() {
        return minimums().ledger();
    }

    /** Minimum first transfer that opens a provider sub-account, read once from the contract. */
    public BigInteger minimumTransferAmount() {
        return minimums().transfer();
    }

    // ---- deposits ----

    /** Opens the wallet's ledger with {@code og} 0G (at least {@link #minimumLedgerBalance()}). */
    public void addLedger(BigDecimal og) {
        addLedger(Inputs.positiveNeuron("addLedger", og));
    }

    public void addLedger(BigInteger neuron) {
        Inputs.positiveNeuron("addLedger", neuron);
        locked(() -> {
            Optional<Ledger> existing = findLedger(me());
            if (existing.isPresent()) {
                throw new InvalidInputException("a ledger already exists for " + me().checksummed() + " with "
                        + Units.formatOg(existing.get().availableBalance()) + " 0G available: add money with"
                        + " depositFund (`0g-compute-cli deposit --amount <0G>`) instead");
            }
            requireNewLedgerMinimum("a new ledger", neuron);
            requireWalletHolds(neuron);
            ChainFailures.run("adding a ledger with " + og(neuron), () -> context.ledgerContract().addLedger("", neuron));
        });
    }

    /** Adds {@code og} 0G to the ledger, creating it if needed (then the ledger minimum applies). */
    public void depositFund(BigDecimal og) {
        depositFund(Inputs.positiveNeuron("depositFund", og));
    }

    public void depositFund(BigInteger neuron) {
        Inputs.positiveNeuron("depositFund", neuron);
        locked(() -> {
            if (findLedger(me()).isEmpty()) {
                requireNewLedgerMinimum("a new ledger", neuron);
            }
            requireWalletHolds(neuron);
            ChainFailures.run("depositing " + og(neuron), () -> context.ledgerContract().depositFund(neuron));
        });
    }

    /** Adds {@code og} 0G to {@code recipient}'s ledger, creating it if needed (then the ledger minimum applies). */
    public void depositFundFor(Address recipient, BigDecimal og) {
        depositFundFor(recipient, Inputs.positiveNeuron("depositFundFor", og));
    }

    public void depositFundFor(Address recipient, BigInteger neuron) {
        requireRealAddress("depositFundFor recipient", recipient);
        Inputs.positiveNeuron("depositFundFor", neuron);
        locked(() -> {
            if (findLedger(recipient).isEmpty()) {
                requireNewLedgerMinimum("a new ledger for " + recipient.checksummed(), neuron);
            }
            requireWalletHolds(neuron);
            ChainFailures.run("depositing " + og(neuron) + " for " + recipient.checksummed(),
                    () -> context.ledgerContract().depositFundFor(recipient, neuron));
        });
    }

    // ---- ledger to wallet ----

    /**
     * Sends {@code og} 0G of the ledger's available balance back to the wallet. What stays must be
     * 0 or at least {@link #minimumLedgerBalance()}; refunding everything deletes the ledger.
     */
    public void refund(BigDecimal og) {
        refund(Inputs.positiveNeuron("refund", og));
    }

    public void refund(BigInteger neuron) {
        Inputs.positiveNeuron("refund", neuron);
        locked(() -> {
            Ledger ledger = requireLedger();
            BigInteger available = ledger.availableBalance();
            if (available.compareTo(neuron) < 0) {
                throw new InsufficientLedgerBalanceException("refunding " + og(neuron), available, neuron,
                        "refund at most " + og(available) + ", or first bring money back from provider sub-accounts"
                                + " with `0g-compute-cli retrieve-fund` (call it again after the lock time to collect)");
            }
            BigInteger remaining = available.subtract(neuron);
            BigInteger minimum = minimumLedgerBalance();
            if (remaining.signum() > 0 && remaining.compareTo(minimum) < 0) {
                throw new InvalidInputException("refunding " + og(neuron) + " would leave " + og(remaining)
                        + " available, but a ledger must keep 0 or at least " + og(minimum) + ": refund "
                        + og(available) + " (everything available) or at most " + og(available.subtract(minimum)));
            }
            ChainFailures.run("refunding " + og(neuron), () -> context.ledgerContract().refund(neuron));
        });
    }

    // ---- ledger to and from provider sub-accounts ----

    /**
     * Moves {@code og} 0G into the sub-account with {@code provider} (pending refunds there are
     * revived first). A new sub-account needs at least {@link #minimumTransferAmount()} and
     * acknowledges the provider.
     */
    public void transferFund(Address provider, BigDecimal og) {
        transferFund(provider, Inputs.positiveNeuron("transferFund", og));
    }

    public void transferFund(Address provider, BigInteger neuron) {
        requireRealAddress("transferFund provider", provider);
        Inputs.positiveNeuron("transferFund", neuron);
        locked(() -> {
            Ledger ledger = requireLedger();
            String action = "transferring " + og(neuron) + " to provider " + provider.checksummed();
            BigInteger fromLedger = neuron;
            Optional<Account> account = findAccount(provider);
            if (account.isPresent()) {
                fromLedger = neuron.subtract(neuron.min(account.get().pendingRefund()));
            } else {
                requireProviderRegistered(provider);
                BigInteger minimum = minimumTransferAmount();
                if (neuron.compareTo(minimum) < 0) {
                    throw new InvalidInputException("the first transfer to provider " + provider.checksummed()
                            + " opens its sub-account and needs at least " + og(minimum) + "; you offered " + og(neuron)
                            + ": transfer " + og(minimum) + " or more");
                }
            }
            if (ledger.availableBalance().compareTo(fromLedger) < 0) {
                throw new InsufficientLedgerBalanceException(action, ledger.availableBalance(), fromLedger);
            }
            String name = serviceName();
            ChainFailures.run(action, () -> context.ledgerContract().transferFund(provider, name, neuron));
        });
    }

    /**
     * Starts or completes retrieval from every provider sub-account: refunds past the lock time
     * come back to the ledger, the rest of each sub-account is queued (call again after the lock
     * time). One transaction per {@value #MAX_PROVIDERS_PER_BATCH} providers; none when there are none.
     */
    public void retrieveFund() {
        locked(() -> {
            requireLedger();
            String name = serviceName();
            List<Address> providers = ChainFailures.call("listing the ledger's providers",
                    () -> context.ledgerContract().getLedgerProviders(me(), name));
            for (int from = 0; from < providers.size(); from += MAX_PROVIDERS_PER_BATCH) {
                List<Address> batch = providers.subList(from, Math.min(providers.size(), from + MAX_PROVIDERS_PER_BATCH));
                ChainFailures.run("retrieving funds from " + batch.size() + " providers",
                        () -> context.ledgerContract().retrieveFund(List.copyOf(batch), name));
            }
        });
    }

    /** {@link #retrieveFund()} for the sub-account with one provider, which must exist. */
    public void retrieveFundFromProvider(Address provider) {
        requireRealAddress("retrieveFundFromProvider provider", provider);
        locked(() -> {
            requireLedger();
            if (findAccount(provider).isEmpty()) {
                throw new InvalidInputException("there is no sub-account with provider " + provider.checksummed()
                        + ", so nothing to retrieve: see your providers with `0g-compute-cli get-account`");
            }
            String name = serviceName();
            ChainFailures.run("retrieving funds from provider " + provider.checksummed(),
                    () -> context.ledgerContract().retrieveFund(List.of(provider), name));
        });
    }

    /** Deletes the empty ledger and its sub-accounts; the contract refuses while any money is left. */
    public void deleteLedger() {
        locked(() -> {
            requireLedger();
            ChainFailures.run("deleting the ledger", () -> context.ledgerContract().deleteLedger());
        });
    }

    // ---- views ----

    /** Where the wallet's money is; {@link LedgerNotFoundException} when it has no ledger. */
    public LedgerDetail getLedger() {
        return ledgerIfExists().orElseThrow(() -> new LedgerNotFoundException(me()));
    }

    public Optional<LedgerDetail> ledgerIfExists() {
        return findLedger(me()).map(this::detail);
    }

    private LedgerDetail detail(Ledger ledger) {
        String name = serviceName();
        Instant now = Instant.ofEpochSecond(ChainFailures.call("reading the latest block",
                () -> context.rpc().latestBlock()).timestamp());
        long lockSeconds = ChainFailures.call("reading the lock time",
                () -> context.inferenceContract().lockTime()).longValueExact();
        List<LedgerDetail.ProviderFunds> funds = new ArrayList<>();
        for (Address provider : ChainFailures.call("listing the ledger's providers",
                () -> context.ledgerContract().getLedgerProviders(ledger.user(), name))) {
            findAccount(provider).ifPresent(account -> funds.add(funds(account, now, lockSeconds)));
        }
        return new LedgerDetail(ledger.user(), ledger.availableBalance(), ledger.totalBalance(),
                ledger.lockedInSubAccounts(), funds, now);
    }

    private static LedgerDetail.ProviderFunds funds(Account account, Instant now, long lockSeconds) {
        List<LedgerDetail.PendingRefund> refunds = account.activeRefunds().stream()
                .filter(r -> r.amount().signum() > 0)
                .map(r -> refund(r, now, lockSeconds))
                .toList();
        return new LedgerDetail.ProviderFunds(account.provider(), account.balance(), account.pendingRefund(),
                account.usableBalance(), account.acknowledged(), refunds);
    }

    private static LedgerDetail.PendingRefund refund(Refund refund, Instant now, long lockSeconds) {
        Instant created = Instant.ofEpochSecond(refund.createdAt().longValueExact());
        Instant unlocks = created.plusSeconds(lockSeconds);
        return new LedgerDetail.PendingRefund(refund.amount(), created, unlocks, !now.isBefore(unlocks));
    }

    // ---- checks ----

    private Ledger requireLedger() {
        return findLedger(me()).orElseThrow(() -> new LedgerNotFoundException(me()));
    }

    private Optional<Ledger> findLedger(Address user) {
        try {
            return Optional.of(context.ledgerContract().getLedger(user));
        } catch (ContractRevertException e) {
            if (e.errorName().equals("LedgerNotExists")) {
                return Optional.empty();
            }
            throw ChainFailures.translate("reading the ledger of " + user.checksummed(), e);
        } catch (ChainException e) {
            throw ChainFailures.translate("reading the ledger of " + user.checksummed(), e);
        }
    }

    private Optional<Account> findAccount(Address provider) {
        String action = "reading the sub-account with provider " + provider.checksummed();
        boolean exists = ChainFailures.call(action, () -> context.inferenceContract().accountExists(me(), provider));
        return exists ? Optional.of(ChainFailures.call(action, () -> context.inferenceContract().getAccount(me(), provider)))
                : Optional.empty();
    }

    private void requireProviderRegistered(Address provider) {
        boolean registered = ChainFailures.call("looking up provider " + provider.checksummed(),
                () -> context.inferenceContract().serviceExists(provider));
        if (!registered) {
            throw new InvalidInputException("provider " + provider.checksummed() + " has no inference service on "
                    + context.network().name() + ": pick one from `0g-compute-cli list-providers`");
        }
    }

    private void requireNewLedgerMinimum(String what, BigInteger neuron) {
        BigInteger minimum = minimumLedgerBalance();
        if (neuron.compareTo(minimum) < 0) {
            throw new InvalidInputException(what + " needs at least " + og(minimum) + "; you offered " + og(neuron)
                    + ": deposit " + og(minimum) + " or more");
        }
    }

    private void requireWalletHolds(BigInteger neuron) {
        BigInteger balance = ChainFailures.call("reading the wallet balance", () -> context.rpc().balanceOf(me()));
        if (balance.compareTo(neuron) < 0) {
            throw new InsufficientWalletBalanceException(me(), balance, neuron);
        }
    }

    private static void requireRealAddress(String what, Address address) {
        if (address == null || address.equals(Address.ZERO)) {
            throw new InvalidInputException(what + ": " + (address == null ? "missing address" : "the zero address")
                    + " is not valid; pass a real 0x address");
        }
    }

    // ---- contract facts learned once ----

    private record Minimums(BigInteger ledger, BigInteger transfer) {
    }

    private Minimums minimums() {
        Minimums known = minimums;
        if (known == null) {
            known = ChainFailures.call("reading the network minimums", () -> new Minimums(
                    context.ledgerContract().minAccountBalance(), context.ledgerContract().minTransferAmount()));
            minimums = known;
        }
        return known;
    }

    /** The inference service's name in the ledger, {@code inference-v1.0}, as the official SDK learns it. */
    String serviceName() {
        String known = serviceName;
        if (known == null) {
            known = ChainFailures.call("looking up the inference service in the ledger",
                    () -> context.ledgerContract().getServiceInfo(context.network().inference()).fullName());
            if (known.isEmpty()) {
                throw new SdkException("the ledger " + context.network().ledger().checksummed() + " has no service"
                        + " registered for inference contract " + context.network().inference().checksummed()
                        + ": check the network profile's contract addresses");
            }
            serviceName = known;
        }
        return known;
    }

    private Address me() {
        return context.wallet().address();
    }

    private void locked(Runnable operation) {
        sending.lock();
        try {
            operation.run();
        } finally {
            sending.unlock();
        }
    }

    private static String og(BigInteger neuron) {
        return Units.formatOg(neuron) + " 0G";
    }
}
