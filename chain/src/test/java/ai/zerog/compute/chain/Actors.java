package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.TeeSettlement;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The people the behaviour tests need on one deployment: users with a ledger (and a sub-account),
 * providers with a staked service (and an owner-acknowledged TEE signer), the owner, strangers.
 * Every call makes fresh keys, so tests sharing the chain never touch each other's accounts.
 */
final class Actors {
    static final String SERVICE = NetworkProfile.INFERENCE_SERVICE_NAME;
    static final BigInteger STAKE = Units.og(100);
    static final BigInteger MIN_LEDGER = Units.og(3);
    static final BigInteger MIN_TRANSFER = Units.og(1);
    /** What every new key holds on top of what it deposits or stakes, to pay gas. */
    private static final BigInteger GAS_MONEY = Units.og(1);
    private static final boolean AGAINST_OFFICIAL = Boolean.getBoolean("behaviour.official");

    private static Actors shared;
    private static List<Provider> crowdOfProviders;

    final TestChain chain;
    final Deployment deployment;
    final Secp256k1Key owner;

    private Actors(TestChain chain, Deployment deployment, Secp256k1Key owner) {
        this.chain = chain;
        this.deployment = deployment;
        this.owner = owner;
    }

    /**
     * The shared deployment of {@link TestChain} (lock time 1 h, mainnet minimums). With
     * {@code -Dbehaviour.official=true} the behaviour tests run against the official bytecode
     * instead, to check that they describe the official contracts.
     */
    static synchronized Actors shared() {
        if (shared == null) {
            TestChain chain = TestChain.get();
            shared = AGAINST_OFFICIAL ? ownDeployment() : new Actors(chain, chain.deployment, chain.owner);
        }
        return shared;
    }

    /** A deployment of its own, for tests that change owner-level state (lock time, registry, ownership). */
    static Actors ownDeployment() {
        TestChain chain = TestChain.get();
        Secp256k1Key owner = chain.fundedKey(Units.og(10));
        DeploymentPlan plan = AGAINST_OFFICIAL ? OfficialContracts.load().plan()
                : DeploymentPlan.ours(LedgerMinimums.MAINNET);
        Deployment deployment = Deployer.deploy(chain.sender(owner), plan, TestChain.LOCK_TIME, "behaviour");
        return new Actors(chain, deployment, owner);
    }

    record User(Secp256k1Key key, LedgerManagerContract ledger, InferenceServingContract inference) {
        Address address() {
            return key.address();
        }
    }

    record Provider(Secp256k1Key key, Secp256k1Key tee, InferenceServingContract inference) {
        Address address() {
            return key.address();
        }
    }

    // ---- bindings ----

    LedgerManagerContract ledger(Secp256k1Key key) {
        return LedgerManagerContract.withSender(chain.sender(key), deployment.ledger());
    }

    InferenceServingContract inference(Secp256k1Key key) {
        return InferenceServingContract.withSender(chain.sender(key), deployment.inference());
    }

    LedgerManagerContract ownerLedger() {
        return ledger(owner);
    }

    InferenceServingContract ownerInference() {
        return inference(owner);
    }

    LedgerManagerContract ledgerView() {
        return LedgerManagerContract.readOnly(chain.rpc, deployment.ledger());
    }

    InferenceServingContract inferenceView() {
        return InferenceServingContract.readOnly(chain.rpc, deployment.inference());
    }

    // ---- people ----

    /** A key holding {@code spendable} plus gas money, with no ledger. */
    User stranger(BigInteger spendable) {
        Secp256k1Key key = chain.fundedKey(spendable.add(GAS_MONEY));
        return new User(key, ledger(key), inference(key));
    }

    User stranger() {
        return stranger(BigInteger.ZERO);
    }

    /** A user whose ledger holds {@code deposit} (available = total = deposit). */
    User user(BigInteger deposit) {
        User user = stranger(deposit);
        user.ledger().addLedger("", deposit);
        return user;
    }

    /** A user with a ledger of {@code deposit} that moved {@code transfer} into a sub-account with {@code provider}. */
    User userWithAccount(Provider provider, BigInteger deposit, BigInteger transfer) {
        User user = user(deposit);
        user.ledger().transferFund(provider.address(), SERVICE, transfer);
        return user;
    }

    /** A provider with a staked service whose TEE signer the owner has not acknowledged (yet). */
    Provider unacknowledgedProvider() {
        Secp256k1Key key = chain.fundedKey(STAKE.add(GAS_MONEY));
        Secp256k1Key tee = Secp256k1Key.random();
        InferenceServingContract inference = inference(key);
        inference.addOrUpdateService(serviceParams(tee.address()), STAKE);
        return new Provider(key, tee, inference);
    }

    /** A provider with a staked service and an owner-acknowledged TEE signer: ready to settle. */
    Provider provider() {
        Provider provider = unacknowledgedProvider();
        ownerInference().acknowledgeTEESignerByOwner(provider.address());
        return provider;
    }

    /**
     * 51 providers with staked services on the shared deployment, made once per JVM: enough to
     * pass every page and per-user limit of 50. Read-only for the tests that use them.
     */
    static synchronized List<Provider> crowdOfProviders() {
        if (crowdOfProviders == null) {
            List<Provider> providers = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                providers.add(shared().unacknowledgedProvider());
            }
            crowdOfProviders = List.copyOf(providers);
        }
        return crowdOfProviders;
    }

    static ServiceParams serviceParams(Address teeSigner) {
        return new ServiceParams("chatbot", "https://provider.example/v1/proxy", "qwen-2.5-7b", "TeeML",
                BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{\"TargetSeparated\":false}", teeSigner);
    }

    // ---- settlement ----

    SettlementDomain domain() {
        return new SettlementDomain(chain.rpc.chainId(), deployment.inference());
    }

    /** A settlement of {@code fee} for {@code user}, signed by {@code provider}'s TEE key. */
    TeeSettlement settlement(Provider provider, Address user, BigInteger fee, long nonce) {
        return signedBy(provider.tee(), user, provider.address(), fee, nonce);
    }

    TeeSettlement signedBy(Secp256k1Key signer, Address user, Address provider, BigInteger fee, long nonce) {
        return domain().sign(signer, user, provider, fee, Hash32.keccak256("requests of " + user + " #" + nonce),
                BigInteger.valueOf(nonce));
    }

    // ---- chain facts ----

    BigInteger balanceOf(Address account) {
        return chain.rpc.balanceOf(account);
    }

    BigInteger latestTimestamp() {
        return BigInteger.valueOf(chain.rpc.latestBlock().timestamp());
    }

    void travel(Duration duration) {
        chain.node.increaseTime(duration);
    }

    // ---- assertions ----

    /** The revert {@code call} ends in; fails the test when it does not revert. */
    static RevertReason revertOf(ThrowingCallable call) {
        AtomicReference<RevertReason> reason = new AtomicReference<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(ContractRevertException.class, e -> reason.set(e.reason()));
        return reason.get();
    }

    /** An expected revert: {@code error("LedgerExists", "user", address)}; arguments as name, value pairs. */
    static RevertReason error(String name, Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            arguments.put((String) namesAndValues[i], value instanceof Integer n ? BigInteger.valueOf(n) : value);
        }
        return new RevertReason(name, arguments);
    }

    static RevertReason ownableError() {
        return error("Error", "message", "Ownable: caller is not the owner");
    }

    /** The events of one type among decoded events, in order. */
    static <E> List<E> eventsOf(Class<E> type, List<?> events) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
