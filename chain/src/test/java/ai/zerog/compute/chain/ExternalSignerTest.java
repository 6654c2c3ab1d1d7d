package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.core.WalletSigner;
import ai.zerog.compute.devnet.AnvilNode;
import ai.zerog.compute.devnet.AnvilOptions;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions signed by a {@link WalletSigner} the sender does not own, as a wallet integration would. */
class ExternalSignerTest {
    private final TestChain chain = TestChain.get();

    @Test
    void shouldSendAnEip1559TransactionSignedByAnExternalSigner() {
        Secp256k1Key key = chain.fundedKey(Units.og(1));
        CountingSigner signer = new CountingSigner(key.address(), key);
        Address sink = Secp256k1Key.random().address();

        TxReceipt receipt = TransactionSender.create(chain.rpc, signer).transfer(sink, BigInteger.TEN);

        assertThat(receipt.transactionType()).isEqualTo(TxReceipt.DYNAMIC_FEE);
        assertThat(signer.digests).hasValue(1);
        assertThat(chain.rpc.balanceOf(sink)).isEqualTo(BigInteger.TEN);
        assertThat(chain.rpc.transactionCount(key.address(), false)).isEqualTo(1);
    }

    @Test
    void shouldSendALegacyEip155TransactionSignedByAnExternalSigner() {
        try (AnvilNode berlin = AnvilNode.start(AnvilOptions.builder().extraArgs(List.of("--hardfork", "berlin")).build());
             EvmRpc rpc = EvmRpc.connect(berlin.rpcUrl())) {
            Secp256k1Key key = Secp256k1Key.random();
            berlin.setBalance(key.address().hex(), Units.og(1));
            CountingSigner signer = new CountingSigner(key.address(), key);
            Address sink = Secp256k1Key.random().address();

            TxReceipt receipt = TransactionSender.create(rpc, signer).transfer(sink, BigInteger.TEN);

            assertThat(receipt.transactionType()).isEqualTo(TxReceipt.LEGACY);
            assertThat(signer.digests).hasValue(1);
            assertThat(rpc.balanceOf(sink)).isEqualTo(BigInteger.TEN);
        }
    }

    @Test
    void shouldRefuseASignatureByAnotherKeyWithoutUsingANonce() {
        Secp256k1Key key = chain.fundedKey(Units.og(1));
        Secp256k1Key impostor = Secp256k1Key.random();
        TransactionSender broken = TransactionSender.create(chain.rpc, new CountingSigner(key.address(), impostor));
        Address sink = Secp256k1Key.random().address();

        assertThatThrownBy(() -> broken.transfer(sink, BigInteger.ONE))
                .isInstanceOf(ChainException.class)
                .hasMessageContainingAll("recovers to " + impostor.address().checksummed(),
                        "instead of " + key.address().checksummed(), "nothing was sent");

        TransactionSender.create(chain.rpc, WalletSigner.of(key)).transfer(sink, BigInteger.ONE);
        assertThat(chain.rpc.transactionCount(key.address(), false)).isEqualTo(1);
        assertThat(chain.rpc.balanceOf(sink)).isEqualTo(BigInteger.ONE);
    }

    @Test
    void shouldReportASignerThatRefusesAndSendNothing() {
        Secp256k1Key key = chain.fundedKey(Units.og(1));
        WalletSigner refusing = new WalletSigner() {
            @Override
            public Address address() {
                return key.address();
            }

            @Override
            public Signature signDigest(Hash32 digest) {
                throw new IllegalStateException("user rejected the request");
            }
        };

        assertThatThrownBy(() -> TransactionSender.create(chain.rpc, refusing).transfer(key.address(), BigInteger.ONE))
                .isInstanceOf(ChainException.class)
                .hasMessageContainingAll("did not sign", "user rejected the request", "nothing was sent");
        assertThat(chain.rpc.transactionCount(key.address(), true)).isZero();
    }
}
