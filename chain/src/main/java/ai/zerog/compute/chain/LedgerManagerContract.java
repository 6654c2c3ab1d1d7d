package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import com.esaulpaugh.headlong.abi.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed binding of LedgerManager (ours or the official one: the ABI is the same). Open it
 * {@link #readOnly} for views or {@link #withSender} to also send transactions.
 */
public final class LedgerManagerContract {
    private static final ContractAbi ABI = ContractAbi.of(ContractArtifact.ours(ContractArtifact.LEDGER_MANAGER));

    private final ContractBinding binding;

    private LedgerManagerContract(ContractBinding binding) {
        this.binding = binding;
    }

    public static LedgerManagerContract readOnly(EvmRpc rpc, Address address) {
        return new LedgerManagerContract(new ContractBinding(ABI, address, rpc, Optional.empty(), LedgerEvent.class));
    }

    public static LedgerManagerContract withSender(TransactionSender sender, Address address) {
        return new LedgerManagerContract(new ContractBinding(ABI, address, sender.rpc(), Optional.of(sender),
                LedgerEvent.class));
    }

    public Address address() {
        return binding.address();
    }

    // ---- user operations ----

    public TxReceipt addLedger(String additionalInfo, BigInteger deposit) {
        return binding.send(deposit, "addLedger", additionalInfo);
    }

    public TxReceipt depositFund(BigInteger amount) {
        return binding.send(amount, "depositFund");
    }

    public TxReceipt depositFundFor(Address recipient, BigInteger amount) {
        return binding.send(amount, "depositFundFor", recipient);
    }

    public TxReceipt refund(BigInteger amount) {
        return binding.send(BigInteger.ZERO, "refund", amount);
    }

    public TxReceipt transferFund(Address provider, String serviceName, BigInteger amount) {
        return binding.send(BigInteger.ZERO, "transferFund", provider, serviceName, amount);
    }

    public TxReceipt retrieveFund(List<Address> providers, String serviceName) {
        return binding.send(BigInteger.ZERO, "retrieveFund", providers, serviceName);
    }

    public TxReceipt deleteLedger() {
        return binding.send(BigInteger.ZERO, "deleteLedger");
    }

    public TxReceipt updateAdditionalInfo(String additionalInfo) {
        return binding.send(BigInteger.ZERO, "updateAdditionalInfo", additionalInfo);
    }

    /** Only a registered serving contract may call this; exposed to prove that rule. */
    public TxReceipt spendFund(Address user, BigInteger amount) {
        return binding.send(BigInteger.ZERO, "spendFund", user, amount);
    }

    // ---- owner operations ----

    public TxReceipt initialize(Address owner) {
        return binding.send(BigInteger.ZERO, "initialize", owner);
    }

    public TxReceipt registerService(String serviceType, String version, Address serviceAddress, String description) {
        return binding.send(BigInteger.ZERO, "registerService", serviceType, version, serviceAddress, description);
    }

    public TxReceipt setRecommendedService(String serviceType, String version) {
        return binding.send(BigInteger.ZERO, "setRecommendedService", serviceType, version);
    }

    public TxReceipt transferOwnership(Address newOwner) {
        return binding.send(BigInteger.ZERO, "transferOwnership", newOwner);
    }

    public TxReceipt renounceOwnership() {
        return binding.send(BigInteger.ZERO, "renounceOwnership");
    }

    // ---- views ----

    public Ledger getLedger(Address user) {
        return binding.call(Ledger.class, "getLedger", user);
    }

    public Page<Ledger> getAllLedgers(long offset, long limit) {
        Tuple out = binding.callTuple(Optional.empty(), "getAllLedgers", offset, limit);
        List<Ledger> items = cast(AbiCodec.fromAbi(out.get(0), ListType.of(Ledger.class)));
        return new Page<>(items, out.get(1));
    }

    public List<Address> getLedgerProviders(Address user, String serviceName) {
        return binding.call(ListType.of(Address.class), "getLedgerProviders", user, serviceName);
    }

    public ServiceInfo getServiceInfo(Address serviceAddress) {
        return binding.call(ServiceInfo.class, "getServiceInfo", serviceAddress);
    }

    public Address getServiceAddressByName(String serviceName) {
        return binding.call(Address.class, "getServiceAddressByName", serviceName);
    }

    public List<ServiceInfo> getAllActiveServices() {
        return binding.call(ListType.of(ServiceInfo.class), "getAllActiveServices");
    }

    public RecommendedService getRecommendedService(String serviceType) {
        return binding.call(RecommendedService.class, "getRecommendedService", serviceType);
    }

    public List<ServiceVersion> getAllVersions(String serviceType) {
        Tuple out = binding.callTuple(Optional.empty(), "getAllVersions", serviceType);
        String[] versions = out.get(0);
        List<Address> addresses = cast(AbiCodec.fromAbi(out.get(1), ListType.of(Address.class)));
        boolean[] recommended = out.get(2);
        List<ServiceVersion> result = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            result.add(new ServiceVersion(versions[i], addresses.get(i), recommended[i]));
        }
        return List.copyOf(result);
    }

    public boolean isRecommendedVersion(String serviceType, String version) {
        return binding.call(Boolean.class, "isRecommendedVersion", serviceType, version);
    }

    public Address owner() {
        return binding.call(Address.class, "owner");
    }

    public boolean initialized() {
        return binding.call(Boolean.class, "initialized");
    }

    public BigInteger minAccountBalance() {
        return binding.call(BigInteger.class, "MIN_ACCOUNT_BALANCE");
    }

    public BigInteger minTransferAmount() {
        return binding.call(BigInteger.class, "MIN_TRANSFER_AMOUNT");
    }

    public BigInteger maxProvidersPerBatch() {
        return binding.call(BigInteger.class, "MAX_PROVIDERS_PER_BATCH");
    }

    public BigInteger maxProvidersPerUserPerService() {
        return binding.call(BigInteger.class, "MAX_PROVIDERS_PER_USER_PER_SERVICE");
    }

    public BigInteger maxServices() {
        return binding.call(BigInteger.class, "MAX_SERVICES");
    }

    public BigInteger maxAdditionalInfoLength() {
        return binding.call(BigInteger.class, "MAX_ADDITIONAL_INFO_LENGTH");
    }

    // ---- events ----

    /** LedgerManager events among a receipt's logs, in order. */
    public List<LedgerEvent> events(TxReceipt receipt) {
        return binding.events(receipt.logs(), LedgerEvent.class);
    }

    /** LedgerManager events among raw logs (e.g. from {@link EvmRpc#logs}), in order. */
    public List<LedgerEvent> events(List<LogEntry> logs) {
        return binding.events(logs, LedgerEvent.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
