package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.SignedSessionToken;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.provider.SettlementReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's full flow through the SDK against our contracts and our provider broker, with every
 * balance checked to the neuron: deposit, transfer, list, headers, chat, verify, background
 * top-up, settlement on chain, retrieval across the lock time (anvil time travel) and refund.
 */
class FullFlowTest {
    static final String CHAT = "{\"model\":\"dev-model\",\"messages\":[{\"role\":\"user\",\"content\":\"the full flow\"}]}";
    static final Duration LOCK_TIME = Duration.ofHours(1); // what InferenceNetwork deploys with

    @TempDir
    static Path dir;
    static InferenceNetwork net;

    @BeforeAll
    static void start() {
        net = new InferenceNetwork(dir);
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void shouldRunTheWholeUserJourneyAndEndWithEveryNeuronAccountedFor() throws Exception {
        long firstBlock = net.node.blockNumber() + 1;
        try (ZgComputeBroker user = net.newUser()) {
            Address me = user.address();
            BigInteger walletStart = net.rpc.balanceOf(me);
            LedgerBroker ledger = user.ledger();
            InferenceBroker inference = user.inference();

            // deposit and transfer
            ledger.depositFund(Units.og(10));
            ledger.transferFund(net.provider, Units.og(2));
            assertThat(ledger.getLedger().available()).isEqualTo(Units.og(8));
            assertThat(inference.account(net.provider).orElseThrow().acknowledged()).isTrue();

            // list and authenticate
            assertThat(inference.listServices()).extracting(Service::provider).contains(net.provider);
            String header = inference.requestHeaders(net.provider).get("Authorization");
            assertThat(SignedSessionToken.fromAuthorizationHeader(header).recoverSigner()).contains(me);

            // chat and verify
            ChatResponse answer = inference.chat(net.provider, CHAT);
            String chatId = answer.chatId().orElseThrow();
            String usage = Jsons.MAPPER.readTree(answer.responseBody()).get("usage").toString();
            assertThat(inference.processResponse(net.provider, chatId, usage)).matches(ResponseVerification::verified);
            assertThat(inference.processResponse(net.provider, chatId, answer.requestBody(), answer.responseBody()))
                    .matches(ResponseVerification::verified);

            // background auto-funding: 2 0G locked < unsettled + 2 × 1 0G, so it moves the minimum 1 0G
            inference.startAutoFunding(net.provider);
            InferenceNetwork.pollUntil("auto-funding topped the sub-account up to 3 0G", Duration.ofSeconds(60),
                    () -> inference.account(net.provider).orElseThrow().balance().equals(Units.og(3)));
            inference.stopAutoFunding(net.provider);
            assertThat(ledger.getLedger().available()).isEqualTo(Units.og(7));

            // settlement: the chain takes exactly the fee the provider billed
            BigInteger fee = inference.runAutoFundingOnce(net.provider).unsettled();
            assertThat(fee).isPositive().isEqualTo(CachedFees.estimate(inference.getService(net.provider), usage));
            SettlementReport report = net.settlement.runOnce();
            assertThat(report.settled()).isEqualTo(1);
            assertThat(report.settledAmount()).isEqualTo(fee);
            Account settled = inference.account(net.provider).orElseThrow();
            assertThat(settled.balance()).isEqualTo(Units.og(3).subtract(fee));
            assertThat(LedgerManagerContract.readOnly(net.rpc, net.deployment.ledger()).getLedger(me).totalBalance())
                    .isEqualTo(Units.og(10).subtract(fee));
            assertThat(inference.runAutoFundingOnce(net.provider).unsettled()).isZero();

            // retrieval: queued now, locked until the lock time has passed on chain
            ledger.retrieveFund();
            LedgerDetail.ProviderFunds queued = ledger.getLedger().providers().getFirst();
            assertThat(queued.pendingRefund()).isEqualTo(Units.og(3).subtract(fee));
            assertThat(queued.refunds()).singleElement().satisfies(r -> assertThat(r.unlocked()).isFalse());
            ledger.retrieveFund();
            assertThat(ledger.getLedger().available()).as("nothing comes back before the lock time")
                    .isEqualTo(Units.og(7));

            net.node.increaseTime(LOCK_TIME.plusSeconds(1));
            assertThat(ledger.getLedger().providers().getFirst().refunds()).singleElement()
                    .satisfies(r -> assertThat(r.unlocked()).isTrue());
            ledger.retrieveFund();
            LedgerDetail collected = ledger.getLedger();
            assertThat(collected.available()).isEqualTo(Units.og(10).subtract(fee));
            assertThat(collected.total()).isEqualTo(collected.available());
            assertThat(collected.providers().getFirst().balance()).isZero();

            // refund everything: the ledger closes and the wallet is down by the fee plus its gas
            ledger.refund(collected.available());
            assertThat(ledger.ledgerIfExists()).isEmpty();
            BigInteger gas = gasPaidBy(me, firstBlock, net.node.blockNumber());
            assertThat(gas).isPositive();
            assertThat(net.rpc.balanceOf(me)).isEqualTo(walletStart.subtract(fee).subtract(gas));
        }
    }

    /** Sum of gasUsed × effectiveGasPrice over the transactions {@code sender} sent in blocks [from, to]. */
    private static BigInteger gasPaidBy(Address sender, long from, long to) throws Exception {
        BigInteger total = BigInteger.ZERO;
        for (long block = from; block <= to; block++) {
            JsonNode txs = Jsons.MAPPER.readTree(net.node.rpc("eth_getBlockByNumber",
                    "[\"0x" + Long.toHexString(block) + "\",true]")).path("transactions");
            for (JsonNode tx : txs) {
                if (Address.of(tx.get("from").asText()).equals(sender)) {
                    JsonNode receipt = Jsons.MAPPER.readTree(net.node.rpc("eth_getTransactionReceipt",
                            "[\"" + tx.get("hash").asText() + "\"]"));
                    total = total.add(quantity(receipt, "gasUsed").multiply(quantity(receipt, "effectiveGasPrice")));
                }
            }
        }
        return total;
    }

    private static BigInteger quantity(JsonNode node, String field) {
        return new BigInteger(node.get(field).asText().substring(2), 16);
    }
}
