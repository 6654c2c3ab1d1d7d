package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.TeeSettlement;
import ai.zerog.compute.core.Units;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Runs one scenario against the official contracts (bytecode from the published SDK, deployed
 * behind beacon proxies the way PROTOCOL.md §1.1 describes) and against ours, on the same anvil,
 * and requires the same return values, events and revert errors at every step. Addresses of the
 * deployments themselves and block timestamps are normalised; everything else must match.
 */
class DifferentialConformanceTest {
    private static final String SERVICE = NetworkProfile.INFERENCE_SERVICE_NAME;
    private static final BigInteger OG = Units.og(1);

    private final TestChain chain = TestChain.get();

    /** The keys act the same roles on both deployments. */
    private final Secp256k1Key user = chain.fundedKey(Units.og(1_000));
    private final Secp256k1Key user2 = chain.fundedKey(Units.og(1_000));
    private final Secp256k1Key stranger = chain.fundedKey(Units.og(1_000));
    private final Secp256k1Key provider = chain.fundedKey(Units.og(1_000));
    private final Secp256k1Key tee = Secp256k1Key.random();

    @Test
    void shouldBehaveLikeTheOfficialContractsStepByStep() throws IOException {
        Secp256k1Key officialOwner = chain.fundedKey(Units.og(1_000));
        Deployment official = Deployer.deploy(chain.sender(officialOwner), OfficialContracts.load().plan(),
                TestChain.LOCK_TIME, "official");
        Secp256k1Key oursOwner = chain.fundedKey(Units.og(1_000));
        BigInteger officialMin = LedgerManagerContract.readOnly(chain.rpc, official.ledger()).minAccountBalance();
        BigInteger officialTransferMin = LedgerManagerContract.readOnly(chain.rpc, official.ledger()).minTransferAmount();
        Deployment ours = Deployer.deploy(chain.sender(oursOwner),
                DeploymentPlan.ours(new LedgerMinimums(officialMin, officialTransferMin)), TestChain.LOCK_TIME, "ours");

        List<String> officialLog = run(new Target(official, officialOwner));
        List<String> oursLog = run(new Target(ours, oursOwner));
        // kept for reading: what each step observed on each side
        Files.write(Path.of("target/differential-official.log"), officialLog);
        Files.write(Path.of("target/differential-ours.log"), oursLog);

        assertThat(oursLog).hasSizeGreaterThan(60);
        for (int i = 0; i < officialLog.size(); i++) {
            assertThat(oursLog.get(i)).as("step %d", i).isEqualTo(officialLog.get(i));
        }
        assertThat(oursLog).hasSameSizeAs(officialLog);
    }

    /** One deployment with the role bindings the scenario uses. */
    private final class Target {
        final Deployment deployment;
        final Secp256k1Key owner;
        final List<String> log = new ArrayList<>();

        Target(Deployment deployment, Secp256k1Key owner) {
            this.deployment = deployment;
            this.owner = owner;
        }

        LedgerManagerContract ledger(Secp256k1Key key) {
            return LedgerManagerContract.withSender(chain.sender(key), deployment.ledger());
        }

        InferenceServingContract inference(Secp256k1Key key) {
            return InferenceServingContract.withSender(chain.sender(key), deployment.inference());
        }

        TeeSettlement settlement(Secp256k1Key signer, Address forUser, Address forProvider, BigInteger fee, long nonce) {
            return new SettlementDomain(chain.rpc.chainId(), deployment.inference()).sign(signer, forUser, forProvider,
                    fee, Hash32.keccak256("requests-" + nonce), BigInteger.valueOf(nonce));
        }

        void step(String name, Supplier<Object> action) {
            String observed;
            try {
                Object result = action.get();
                if (result instanceof TxReceipt receipt) {
                    List<Object> events = new ArrayList<>(ledger(owner).events(receipt));
                    events.addAll(inference(owner).events(receipt));
                    observed = "ok " + events;
                } else if (result instanceof SettlementOutcome outcome) {
                    observed = "settled " + outcome.results();
                } else {
                    observed = "= " + result;
                }
            } catch (ContractRevertException e) {
                observed = "revert " + e.reason();
            }
            log.add(name + " -> " + normalise(observed));
        }

        private String normalise(String text) {
            return text.replace(deployment.ledger().toString(), "LEDGER")
                    .replace(deployment.inference().toString(), "INFERENCE")
                    .replaceAll("(createdAt|updatedAt|registeredAt|timestamp)=\\d+", "$1=<time>");
        }
    }

    private List<String> run(Target t) {
        Address u = user.address();
        Address p = provider.address();
        LedgerManagerContract ledger = t.ledger(user);
        InferenceServingContract userInference = t.inference(user);
        InferenceServingContract providerInference = t.inference(provider);
        InferenceServingContract ownerInference = t.inference(t.owner);
        ServiceParams params = new ServiceParams("chatbot", "http://127.0.0.1:9000", "dev-model", "TeeML",
                BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{\"a\":1}", tee.address());

        // constants and registry
        t.step("constants", () -> List.of(ledger.minAccountBalance(), ledger.minTransferAmount(),
                ledger.maxProvidersPerBatch(), ledger.maxProvidersPerUserPerService(), ledger.maxServices(),
                ledger.maxAdditionalInfoLength(), userInference.minLockTime(), userInference.maxLockTime(),
                userInference.minProviderStake(), userInference.lockTime()));
        t.step("service info", () -> ledger.getServiceInfo(t.deployment.inference()).fullName());
        t.step("service by name", () -> ledger.getServiceAddressByName(SERVICE));
        t.step("versions", () -> ledger.getAllVersions("inference"));
        t.step("recommended", () -> ledger.getRecommendedService("inference"));
        t.step("no recommended", () -> ledger.getRecommendedService("fine-tuning"));
        t.step("IServing", () -> userInference.supportsInterface(new byte[] {0x16, 0x08, 0x41, (byte) 0xb1}));
        t.step("ERC165", () -> userInference.supportsInterface(new byte[] {0x01, (byte) 0xff, (byte) 0xc9, (byte) 0xa7}));
        t.step("other interface", () -> userInference.supportsInterface(new byte[] {1, 2, 3, 4}));
        t.step("initialize again", () -> ledger.initialize(u));
        t.step("register by stranger", () -> t.ledger(stranger).registerService("x", "v1", u, ""));

        // ledger lifecycle
        t.step("no ledger", () -> ledger.getLedger(u));
        t.step("ledger below minimum", () -> ledger.addLedger("info", OG.multiply(BigInteger.TWO)));
        t.step("ledger info too long", () -> ledger.addLedger("x".repeat(4097), OG.multiply(BigInteger.TEN)));
        t.step("add ledger", () -> ledger.addLedger("info", OG.multiply(BigInteger.TEN)));
        t.step("ledger", () -> ledger.getLedger(u));
        t.step("ledger exists", () -> ledger.addLedger("info", OG.multiply(BigInteger.TEN)));
        t.step("deposit zero", () -> ledger.depositFund(BigInteger.ZERO));
        t.step("deposit", () -> ledger.depositFund(OG));
        t.step("deposit for zero address", () -> ledger.depositFundFor(Address.ZERO, OG));
        t.step("deposit for new user below minimum", () -> t.ledger(stranger).depositFundFor(user2.address(), OG));
        t.step("deposit for new user", () -> t.ledger(stranger).depositFundFor(user2.address(), OG.multiply(BigInteger.valueOf(4))));
        t.step("ledger of user2", () -> ledger.getLedger(user2.address()));
        t.step("update info", () -> ledger.updateAdditionalInfo("new info"));
        t.step("refund too much", () -> ledger.refund(OG.multiply(BigInteger.valueOf(100))));
        t.step("refund below minimum", () -> ledger.refund(OG.multiply(BigInteger.TEN)));
        t.step("refund", () -> ledger.refund(OG));
        t.step("all ledgers page", () -> ledger.getAllLedgers(0, 0).items().stream()
                .filter(l -> l.user().equals(u) || l.user().equals(user2.address())).toList());
        t.step("delete with funds", () -> ledger.deleteLedger());

        // service registration
        t.step("service missing", () -> userInference.getService(p));
        t.step("stake too small", () -> providerInference.addOrUpdateService(params, OG.multiply(BigInteger.TEN)));
        t.step("info too long", () -> providerInference.addOrUpdateService(new ServiceParams("chatbot", "u", "m", "v",
                BigInteger.ONE, BigInteger.ONE, "x".repeat(4097), tee.address()), OG.multiply(BigInteger.valueOf(100))));
        t.step("register service", () -> providerInference.addOrUpdateService(params, OG.multiply(BigInteger.valueOf(100))));
        t.step("service", () -> userInference.getService(p));
        t.step("stake on update", () -> providerInference.addOrUpdateService(params, OG));
        t.step("update url only", () -> providerInference.addOrUpdateService(new ServiceParams("chatbot", "http://x",
                "dev-model", "TeeML", BigInteger.valueOf(1_000), BigInteger.valueOf(2_000), "{\"a\":1}", tee.address()),
                BigInteger.ZERO));
        t.step("service exists", () -> userInference.serviceExists(p));
        t.step("all services limit", () -> userInference.getAllServices(0, 51));
        t.step("ack by stranger", () -> t.inference(stranger).acknowledgeTEESignerByOwner(p));

        // sub-accounts
        t.step("transfer below minimum", () -> ledger.transferFund(p, SERVICE, OG.divide(BigInteger.TWO)));
        t.step("transfer unknown service", () -> ledger.transferFund(p, "nope", OG));
        t.step("transfer too much", () -> ledger.transferFund(p, SERVICE, OG.multiply(BigInteger.valueOf(100))));
        t.step("transfer to self as provider", () -> t.ledger(provider).transferFund(p, SERVICE, OG));
        t.step("first transfer", () -> ledger.transferFund(p, SERVICE, OG.multiply(BigInteger.TWO)));
        t.step("account", () -> userInference.getAccount(u, p));
        t.step("ledger after transfer", () -> ledger.getLedger(u));
        t.step("ledger providers", () -> ledger.getLedgerProviders(u, SERVICE));
        t.step("top-up transfer", () -> ledger.transferFund(p, SERVICE, OG));
        t.step("unack with balance", () -> userInference.acknowledgeTEESigner(p, false));
        t.step("accounts by provider", () -> userInference.getAccountsByProvider(p, 0, 0));
        t.step("accounts by user", () -> userInference.getAccountsByUser(u, 0, 10));
        t.step("account missing", () -> userInference.getAccount(user2.address(), p));
        t.step("batch accounts", () -> userInference.getBatchAccountsByUsers(p, List.of(u, user2.address())));
        t.step("spend from user", () -> ledger.spendFund(u, OG));
        t.step("add account from user", () -> userInference.addAccount(u, p, "", OG));

        // settlement
        BigInteger fee = OG.divide(BigInteger.TEN);
        t.step("settle unacknowledged signer", () -> providerInference.settleFeesWithTEE(
                List.of(t.settlement(tee, u, p, fee, 100))));
        t.step("owner acknowledges signer", () -> ownerInference.acknowledgeTEESignerByOwner(p));
        t.step("settle empty", () -> providerInference.settleFeesWithTEE(List.of()));
        t.step("settle 51", () -> providerInference.settleFeesWithTEE(
                Collections.nCopies(51, t.settlement(tee, u, p, fee, 101))));
        t.step("preview mixed", () -> providerInference.previewSettlementResults(p, List.of(
                t.settlement(tee, u, p, fee, 200),
                t.settlement(stranger, u, p, fee, 201),
                t.settlement(tee, user2.address(), p, fee, 202),
                t.settlement(tee, u, stranger.address(), fee, 203),
                t.settlement(tee, u, p, OG.multiply(BigInteger.valueOf(50)), 204))));
        t.step("settle success", () -> providerInference.settleFeesWithTEE(List.of(t.settlement(tee, u, p, fee, 300))));
        t.step("settle same nonce", () -> providerInference.settleFeesWithTEE(List.of(t.settlement(tee, u, p, fee, 300))));
        t.step("settle bad signer", () -> providerInference.settleFeesWithTEE(List.of(t.settlement(stranger, u, p, fee, 301))));
        t.step("settle no account", () -> providerInference.settleFeesWithTEE(
                List.of(t.settlement(tee, user2.address(), p, fee, 302))));
        t.step("settle provider mismatch", () -> providerInference.settleFeesWithTEE(
                List.of(t.settlement(tee, u, stranger.address(), fee, 303))));
        t.step("account after settle", () -> userInference.getAccount(u, p));
        t.step("ledger after settle", () -> ledger.getLedger(u));

        // refunds
        t.step("retrieve", () -> ledger.retrieveFund(List.of(p), SERVICE));
        t.step("pending refund", () -> userInference.getPendingRefund(u, p));
        t.step("top-up cancels refund", () -> ledger.transferFund(p, SERVICE, OG));
        t.step("account after cancel", () -> userInference.getAccount(u, p));
        t.step("retrieve again", () -> ledger.retrieveFund(List.of(p), SERVICE));
        t.step("settle consumes refund", () -> providerInference.settleFeesWithTEE(
                List.of(t.settlement(tee, u, p, fee, 400))));
        t.step("account with refund", () -> userInference.getAccount(u, p));
        t.step("retrieve before unlock", () -> ledger.retrieveFund(List.of(p, stranger.address()), SERVICE));
        t.step("too many providers", () -> ledger.retrieveFund(Collections.nCopies(21, p), SERVICE));
        t.step("time passes", () -> {
            chain.node.increaseTime(TestChain.LOCK_TIME.plusSeconds(1));
            return "ok";
        });
        t.step("retrieve after unlock", () -> ledger.retrieveFund(List.of(p), SERVICE));
        t.step("ledger after retrieve", () -> ledger.getLedger(u));
        t.step("account after retrieve", () -> userInference.getAccount(u, p));
        t.step("settle partial", () -> providerInference.settleFeesWithTEE(
                List.of(t.settlement(tee, u, p, OG.multiply(BigInteger.valueOf(50)), 500))));
        t.step("account after partial", () -> userInference.getAccount(u, p));

        // tokens
        t.step("revoke token", () -> userInference.revokeToken(p, 3));
        t.step("token revoked", () -> List.of(userInference.isTokenRevoked(u, p, 3), userInference.isTokenRevoked(u, p, 4)));
        t.step("revoke tokens", () -> userInference.revokeTokens(p, List.of(1, 2, 255)));
        t.step("revoke all", () -> userInference.revokeAllTokens(p));
        t.step("account after revocations", () -> userInference.getAccount(u, p));
        t.step("revoke without account", () -> t.inference(stranger).revokeToken(p, 1));

        // owner functions
        t.step("lock time out of range", () -> ownerInference.updateLockTime(BigInteger.valueOf(60)));
        t.step("lock time by stranger", () -> t.inference(stranger).updateLockTime(BigInteger.valueOf(7200)));
        t.step("lock time", () -> ownerInference.updateLockTime(BigInteger.valueOf(7200)));
        t.step("revoke signer ack", () -> ownerInference.revokeTEESignerAcknowledgement(p));
        t.step("service after revoke", () -> userInference.getService(p));

        // teardown
        t.step("remove service", () -> providerInference.removeService());
        t.step("remove again", () -> providerInference.removeService());
        t.step("services page", () -> userInference.getAllServices(0, 0).items().stream()
                .filter(s -> s.provider().equals(p)).toList());
        return t.log;
    }
}
