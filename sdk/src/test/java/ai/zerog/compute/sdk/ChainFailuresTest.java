package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.RpcException;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerTestNetwork.Contracts;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real chain failures, provoked by calling the contracts directly, become the SDK's typed exceptions. */
class ChainFailuresTest {

    @ParameterizedTest(name = "{0} contracts")
    @EnumSource(Contracts.class)
    void revertsBecomeTypedExceptionsByErrorName(Contracts contracts) {
        LedgerTestNetwork net = LedgerTestNetwork.of(contracts);
        Address provider = net.registeredProvider();
        Secp256k1Key user = net.fundedKey(Units.og(100));
        LedgerManagerContract ledger = LedgerManagerContract.withSender(TransactionSender.create(net.rpc, user),
                net.deployment.ledger());
        BigInteger minimum = ledger.minAccountBalance();

        assertThatThrownBy(() -> ChainFailures.call("reading", () -> ledger.getLedger(user.address())))
                .isInstanceOfSatisfying(LedgerNotFoundException.class,
                        e -> assertThat(e.user()).isEqualTo(user.address()))
                .hasCauseInstanceOf(ContractRevertException.class);
        assertThatThrownBy(() -> ChainFailures.call("opening", () -> ledger.addLedger("", BigInteger.ONE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least " + Units.formatOg(minimum) + " 0G");
        assertThatThrownBy(() -> ChainFailures.call("depositing", () -> ledger.depositFund(BigInteger.ZERO)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("greater than 0");

        ledger.addLedger("", minimum);
        assertThatThrownBy(() -> ChainFailures.call("transferring",
                () -> ledger.transferFund(provider, "inference-v1.0", minimum.add(BigInteger.ONE))))
                .isInstanceOfSatisfying(InsufficientLedgerBalanceException.class, e -> {
                    assertThat(e.available()).isEqualTo(minimum);
                    assertThat(e.required()).isEqualTo(minimum.add(BigInteger.ONE));
                });
        assertThatThrownBy(() -> ChainFailures.call("opening again", () -> ledger.addLedger("", minimum)))
                .isInstanceOfSatisfying(TransactionRevertedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("LedgerExists"))
                .hasMessageContaining("deposit");
    }

    @Test
    void anUnreachableRpcIsReportedAsSuch() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EvmRpc dead = EvmRpc.connect(URI.create("http://127.0.0.1:" + port))) {
            assertThatThrownBy(() -> ChainFailures.call("reading the ledger",
                    () -> LedgerManagerContract.readOnly(dead, Address.ZERO).minAccountBalance()))
                    .isExactlyInstanceOf(SdkException.class)
                    .hasMessageContaining("RPC").hasMessageContaining("check the RPC URL")
                    .hasCauseInstanceOf(RpcException.class);
        }
    }
}
