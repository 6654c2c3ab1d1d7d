package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SettlementStatus;
import ai.zerog.compute.core.TeeSettlement;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Typed binding of InferenceServing (ours or the official one: the ABI is the same). Open it
 * {@link #readOnly} for views or {@link #withSender} to also send transactions; the sender is
 * the user, the provider or the owner depending on the function.
 */
public final class InferenceServingContract {
    private static final ContractAbi ABI = ContractAbi.of(ContractArtifact.ours(ContractArtifact.INFERENCE_SERVING));

    private final ContractBinding binding;

    private InferenceServingContract(ContractBinding binding) {
        this.binding = binding;
    }

    public static InferenceServingContract readOnly(EvmRpc rpc, Address address) {
        return new InferenceServingContract(new ContractBinding(ABI, address, rpc, Optional.empty(),
                InferenceEvent.class));
    }

    public static InferenceServingContract withSender(TransactionSender sender, Address address) {
        return new InferenceServingContract(new ContractBinding(ABI, address, sender.rpc(), Optional.of(sender),
                InferenceEvent.class));
    }

    public Address address() {
        return binding.address();
    }

    // ---- user operations ----

    public TxReceipt acknowledgeTEESigner(Address provider, boolean acknowledged) {
        return binding.send(BigInteger.ZERO, "acknowledgeTEESigner", provider, acknowledged);
    }

    public TxReceipt revokeToken(Address provider, int tokenId) {
        return binding.send(BigInteger.ZERO, "revokeToken", provider, tokenId);
    }

    public TxReceipt revokeTokens(Address provider, List<Integer> tokenIds) {
        return binding.send(BigInteger.ZERO, "revokeTokens", provider, tokenIds);
    }

    public TxReceipt revokeAllTokens(Address provider) {
        return binding.send(BigInteger.ZERO, "revokeAllTokens", provider);
    }

    // ---- provider operations ----

    /** Registers (with {@code stake}, at least 100 0G the first time) or updates (stake 0) the sender's service. */
    public TxReceipt addOrUpdateService(ServiceParams params, BigInteger stake) {
        return binding.send(stake, "addOrUpdateService", params);
    }

    public TxReceipt removeService() {
        return binding.send(BigInteger.ZERO, "removeService");
    }

    /** Settles a batch (at most 50) and reports each item's status from the emitted results. */
    public SettlementOutcome settleFeesWithTEE(List<TeeSettlement> settlements) {
        TxReceipt receipt = binding.send(BigInteger.ZERO, "settleFeesWithTEE", settlements);
        List<SettlementResult> results = events(receipt).stream()
                .filter(InferenceEvent.TEESettlementResult.class::isInstance)
                .map(InferenceEvent.TEESettlementResult.class::cast)
                .map(r -> new SettlementResult(r.user(), SettlementStatus.ofCode(r.status()), r.unsettledAmount()))
                .toList();
        return new SettlementOutcome(receipt, results);
    }

    /** What {@link #settleFeesWithTEE} would do, evaluated as {@code provider} ({@code msg.sender}). */
    public SettlementPreview previewSettlementResults(Address provider, List<TeeSettlement> settlements) {
        Tuple out = binding.callTuple(Optional.of(provider), "previewSettlementResults", settlements);
        List<Address> failedUsers = cast(AbiCodec.fromAbi(out.get(0), ListType.of(Address.class)));
        int[] reasons = out.get(1);
        List<Address> partialUsers = cast(AbiCodec.fromAbi(out.get(2), ListType.of(Address.class)));
        List<BigInteger> partialAmounts = Arrays.asList((BigInteger[]) out.get(3));
        return new SettlementPreview(failedUsers,
                Arrays.stream(reasons).mapToObj(SettlementStatus::ofCode).toList(), partialUsers, partialAmounts);
    }

    /** The accounts of {@code users} with {@code provider} ({@code msg.sender}); missing ones are zero structs. */
    public List<Account> getBatchAccountsByUsers(Address provider, List<Address> users) {
        return binding.callFrom(Optional.of(provider), ListType.of(Account.class), "getBatchAccountsByUsers", users);
    }

    // ---- ledger-only operations (callable by the registered LedgerManager; exposed to prove that rule) ----

    public TxReceipt addAccount(Address user, Address provider, String additionalInfo, BigInteger value) {
        return binding.send(value, "addAccount", user, provider, additionalInfo);
    }

    public TxReceipt depositFund(Address user, Address provider, BigInteger cancelRetrievingAmount, BigInteger value) {
        return binding.send(value, "depositFund", user, provider, cancelRetrievingAmount);
    }

    public TxReceipt requestRefundAll(Address user, Address provider) {
        return binding.send(BigInteger.ZERO, "requestRefundAll", user, provider);
    }

    public TxReceipt processRefund(Address user, Address provider) {
        return binding.send(BigInteger.ZERO, "processRefund", user, provider);
    }

    public TxReceipt deleteAccount(Address user, Address provider) {
        return binding.send(BigInteger.ZERO, "deleteAccount", user, provider);
    }

    // ---- owner operations ----

    public TxReceipt initialize(BigInteger lockTimeSeconds, Address ledger, Address owner) {
        return binding.send(BigInteger.ZERO, "initialize", lockTimeSeconds, ledger, owner);
    }

    public TxReceipt acknowledgeTEESignerByOwner(Address provider) {
        return binding.send(BigInteger.ZERO, "acknowledgeTEESignerByOwner", provider);
    }

    public TxReceipt revokeTEESignerAcknowledgement(Address provider) {
        return binding.send(BigInteger.ZERO, "revokeTEESignerAcknowledgement", provider);
    }

    public TxReceipt updateLockTime(BigInteger lockTimeSeconds) {
        return binding.send(BigInteger.ZERO, "updateLockTime", lockTimeSeconds);
    }

    public TxReceipt transferOwnership(Address newOwner) {
        return binding.send(BigInteger.ZERO, "transferOwnership", newOwner);
    }

    public TxReceipt renounceOwnership() {
        return binding.send(BigInteger.ZERO, "renounceOwnership");
    }

    // ---- views ----

    public Account getAccount(Address user, Address provider) {
        return binding.call(Account.class, "getAccount", user, provider);
    }

    public Page<Account> getAllAccounts(long offset, long limit) {
        return accountPage(binding.callTuple(Optional.empty(), "getAllAccounts", offset, limit));
    }

    public Page<Account> getAccountsByProvider(Address provider, long offset, long limit) {
        return accountPage(binding.callTuple(Optional.empty(), "getAccountsByProvider", provider, offset, limit));
    }

    public Page<Account> getAccountsByUser(Address user, long offset, long limit) {
        return accountPage(binding.callTuple(Optional.empty(), "getAccountsByUser", user, offset, limit));
    }

    public boolean accountExists(Address user, Address provider) {
        return binding.call(Boolean.class, "accountExists", user, provider);
    }

    public BigInteger getPendingRefund(Address user, Address provider) {
        return binding.call(BigInteger.class, "getPendingRefund", user, provider);
    }

    public boolean isTokenRevoked(Address user, Address provider, int tokenId) {
        return binding.call(Boolean.class, "isTokenRevoked", user, provider, tokenId);
    }

    public Service getService(Address provider) {
        return binding.call(Service.class, "getService", provider);
    }

    public Page<Service> getAllServices(long offset, long limit) {
        Tuple out = binding.callTuple(Optional.empty(), "getAllServices", offset, limit);
        List<Service> items = cast(AbiCodec.fromAbi(out.get(0), ListType.of(Service.class)));
        return new Page<>(items, out.get(1));
    }

    public boolean serviceExists(Address provider) {
        return binding.call(Boolean.class, "serviceExists", provider);
    }

    public BigInteger lockTime() {
        return binding.call(BigInteger.class, "lockTime");
    }

    public Address ledgerAddress() {
        return binding.call(Address.class, "ledgerAddress");
    }

    public BigInteger minLockTime() {
        return binding.call(BigInteger.class, "MIN_LOCKTIME");
    }

    public BigInteger maxLockTime() {
        return binding.call(BigInteger.class, "MAX_LOCKTIME");
    }

    public BigInteger minProviderStake() {
        return binding.call(BigInteger.class, "MIN_PROVIDER_STAKE");
    }

    /** ERC-165; {@code interfaceId} is 4 bytes, e.g. IServing {@code 0x160841b1}. */
    public boolean supportsInterface(byte[] interfaceId) {
        return binding.call(Boolean.class, "supportsInterface", (Object) interfaceId);
    }

    public Address owner() {
        return binding.call(Address.class, "owner");
    }

    public boolean initialized() {
        return binding.call(Boolean.class, "initialized");
    }

    // ---- events ----

    public List<InferenceEvent> events(TxReceipt receipt) {
        return binding.events(receipt.logs(), InferenceEvent.class);
    }

    public List<InferenceEvent> events(List<LogEntry> logs) {
        return binding.events(logs, InferenceEvent.class);
    }

    private static Page<Account> accountPage(Tuple out) {
        List<Account> items = cast(AbiCodec.fromAbi(out.get(0), ListType.of(Account.class)));
        return new Page<>(items, out.get(1));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
