package ai.zerog.compute.chain;

import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.SettlementDomain;
import ai.zerog.compute.core.TeeSettlement;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints, side by side from one run on one fresh anvil, the gas our contracts and the official
 * ones use for the operations users and providers pay for most. Not a test: run it with
 * {@code scripts/gas-benchmark.sh}.
 */
public final class GasBenchmark {
    private static final BigInteger OG = Units.og(1);
    private static final String SERVICE = NetworkProfile.INFERENCE_SERVICE_NAME;
    private static final int[] SETTLEMENT_SIZES = {1, 10, 50};

    private final AnvilNode node;
    private final EvmRpc rpc;

    private GasBenchmark(AnvilNode node) {
        this.node = node;
        this.rpc = EvmRpc.connect(node.rpcUrl());
    }

    public static void main(String[] args) {
        try (AnvilNode node = AnvilNode.start(AnvilOptions.builder().build())) {
            GasBenchmark benchmark = new GasBenchmark(node);
            OfficialContracts official = OfficialContracts.load();
            Map<String, BigInteger> officialGas = benchmark.measure(official.plan());
            LedgerMinimums minimums = benchmark.minimumsOf(officialGas);
            Map<String, BigInteger> oursGas = benchmark.measure(DeploymentPlan.ours(minimums));
            System.out.println(table(officialGas, oursGas));
        }
    }

    private LedgerMinimums minimumsOf(Map<String, BigInteger> officialRun) {
        return new LedgerMinimums(officialRun.remove("#minAccountBalance"), officialRun.remove("#minTransferAmount"));
    }

    private Secp256k1Key funded(long og) {
        Secp256k1Key key = Secp256k1Key.random();
        node.setBalance(key.address().hex(), Units.og(og));
        return key;
    }

    private Map<String, BigInteger> measure(DeploymentPlan plan) {
        Secp256k1Key owner = funded(1_000);
        Deployment d = Deployer.deploy(TransactionSender.create(rpc, owner), plan, TestChain.LOCK_TIME, "bench");
        Map<String, BigInteger> gas = new LinkedHashMap<>();
        LedgerManagerContract ownerLedger = LedgerManagerContract.withSender(TransactionSender.create(rpc, owner), d.ledger());
        gas.put("#minAccountBalance", ownerLedger.minAccountBalance());
        gas.put("#minTransferAmount", ownerLedger.minTransferAmount());

        Secp256k1Key provider = funded(1_000);
        Secp256k1Key tee = Secp256k1Key.random();
        InferenceServingContract providerInference = inference(provider, d);
        gas.put("addOrUpdateService (first, 100 0G stake)", providerInference.addOrUpdateService(
                new ServiceParams("chatbot", "http://127.0.0.1:9000", "dev-model", "TeeML", BigInteger.valueOf(50),
                        BigInteger.valueOf(100), "{}", tee.address()), OG.multiply(BigInteger.valueOf(100))).gasUsed());
        inference(owner, d).acknowledgeTEESignerByOwner(provider.address());

        Secp256k1Key user = funded(100);
        LedgerManagerContract ledger = ledger(user, d);
        gas.put("addLedger (ledger creation)", ledger.addLedger("", OG.multiply(BigInteger.valueOf(5))).gasUsed());
        gas.put("depositFund", ledger.depositFund(OG).gasUsed());
        gas.put("transferFund (first, creates sub-account)",
                ledger.transferFund(provider.address(), SERVICE, OG).gasUsed());
        gas.put("transferFund (top-up)", ledger.transferFund(provider.address(), SERVICE, OG).gasUsed());
        gas.put("retrieveFund (1 provider)", ledger.retrieveFund(List.of(provider.address()), SERVICE).gasUsed());

        long nonce = 1_000;
        for (int size : SETTLEMENT_SIZES) {
            List<TeeSettlement> batch = new ArrayList<>();
            SettlementDomain domain = new SettlementDomain(rpc.chainId(), d.inference());
            for (int i = 0; i < size; i++) {
                Secp256k1Key payer = funded(10);
                LedgerManagerContract payerLedger = ledger(payer, d);
                payerLedger.addLedger("", OG.multiply(BigInteger.valueOf(3)));
                payerLedger.transferFund(provider.address(), SERVICE, OG);
                batch.add(domain.sign(tee, payer.address(), provider.address(), OG.divide(BigInteger.valueOf(100)),
                        Hash32.keccak256("bench-" + nonce), BigInteger.valueOf(nonce++)));
            }
            SettlementOutcome outcome = providerInference.settleFeesWithTEE(batch);
            if (outcome.results().stream().anyMatch(r -> r.status() != ai.zerog.compute.core.SettlementStatus.SUCCESS)) {
                throw new IllegalStateException("benchmark settlement did not succeed: " + outcome.results());
            }
            gas.put("settleFeesWithTEE (" + size + " user" + (size > 1 ? "s" : "") + ")", outcome.receipt().gasUsed());
        }
        return gas;
    }

    private LedgerManagerContract ledger(Secp256k1Key key, Deployment d) {
        return LedgerManagerContract.withSender(TransactionSender.create(rpc, key), d.ledger());
    }

    private InferenceServingContract inference(Secp256k1Key key, Deployment d) {
        return InferenceServingContract.withSender(TransactionSender.create(rpc, key), d.inference());
    }

    private static String table(Map<String, BigInteger> official, Map<String, BigInteger> ours) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | official gas | ours gas | ours / official |\n");
        out.append("|---|---:|---:|---:|\n");
        for (Map.Entry<String, BigInteger> row : official.entrySet()) {
            BigInteger mine = ours.get(row.getKey());
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f |%n", row.getKey(), row.getValue(), mine,
                    mine.doubleValue() / row.getValue().doubleValue()));
        }
        return out.toString();
    }
}
