package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md §1.7 test vector (computed with ethers v6 {@code TypedDataEncoder} / {@code signTypedData}). */
class SettlementDomainTest {

    static final SettlementDomain TESTNET = new SettlementDomain(16602, Address.of("0xa79F4c8311FF93C06b8CfB403690cc987c93F91E"));
    static final SettlementDomain MAINNET = new SettlementDomain(16661, Address.of("0x47340d900bdFec2BD393c626E12ea0656F938d84"));

    static final Address USER = Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    static final Address PROVIDER = Address.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    static final Hash32 REQUESTS_HASH = Hash32.keccak256("example");
    static final BigInteger NONCE = new BigInteger("17000000000000000");
    static final BigInteger TOTAL_FEE = new BigInteger("1000000000000000");
    static final Secp256k1Key TEE_KEY = SignaturesTest.HARDHAT_2;

    @Test
    void shouldMatchPublishedTypeHashes() {
        assertThat(SettlementDomain.DOMAIN_TYPEHASH.hex())
                .isEqualTo("0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f");
        assertThat(SettlementDomain.SETTLEMENT_TYPEHASH.hex())
                .isEqualTo("0x6e525043a6c7323bdf60ce222f35127cdd9d8e867ec6350c83fcc254ed18b756");
        assertThat(Hash32.keccak256(SettlementDomain.NAME).hex())
                .isEqualTo("0x2f4ba393a20b900f9f0a8fdd993b162f640c29a02a710d04f515521a29be839b");
        assertThat(Hash32.keccak256(SettlementDomain.VERSION).hex())
                .isEqualTo("0xc89efdaa54c0f20c7adf612882df0950f5a951637e0307cdcb4c672f298b8bc6");
    }

    @Test
    void shouldMatchPublishedDomainSeparators() {
        assertThat(TESTNET.separator().hex()).isEqualTo("0xda596bc261f3030c2a3b8586fd56a01aab43437237aab631ee66fafb3f1e31a9");
        assertThat(MAINNET.separator().hex()).isEqualTo("0x72e92d6704ca166b5be1580af84840c130f74eea4b4ce278ee3e4714553a14d1");
        assertThat(new SettlementDomain(31337, Address.of("0x5FbDB2315678afecb367f032d93F642f64180aa3")).separator().hex())
                .isEqualTo("0x5e9e221e5f8f7cbbe8af60d8d96a928129a96e678b65ea192079c1dbb5b0458a");
    }

    @Test
    void shouldReproduceSettlementTestVector() {
        assertThat(REQUESTS_HASH.hex()).isEqualTo("0x6fd43e7cffc31bb581d7421c8698e29aa2bd8e7186a394b85299908b4eb9b175");
        assertThat(TESTNET.structHash(REQUESTS_HASH, NONCE, PROVIDER, USER, TOTAL_FEE).hex())
                .isEqualTo("0x29236dbfadf007014664edb0036bc55096bd0c8c425eeb1dd51aea8707a65f56");
        assertThat(TESTNET.digest(REQUESTS_HASH, NONCE, PROVIDER, USER, TOTAL_FEE).hex())
                .isEqualTo("0x24a6012c5b0050500b9dea77a6adcf42119ceb89ce3e0ab167214c0e5423cd06");

        TeeSettlement settlement = TESTNET.sign(TEE_KEY, USER, PROVIDER, TOTAL_FEE, REQUESTS_HASH, NONCE);

        assertThat(settlement.signature().hex()).isEqualTo("0x47bb04cfe04081f6cd8348e575e3f5da9d8c98959ebb90494b495d1831fc6685"
                + "0c1482808fe582caf1a3499cd8c3404538bfbda93b580bce4562a1ce45d767491b");
        assertThat(settlement).isEqualTo(new TeeSettlement(USER, PROVIDER, TOTAL_FEE, REQUESTS_HASH, NONCE, settlement.signature()));
        assertThat(TESTNET.recoverSigner(settlement)).contains(Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
    }

    @Test
    void shouldRecoverDifferentSignerWhenAnyFieldOrDomainChanges() {
        TeeSettlement signed = TESTNET.sign(TEE_KEY, USER, PROVIDER, TOTAL_FEE, REQUESTS_HASH, NONCE);
        TeeSettlement moreFee = new TeeSettlement(USER, PROVIDER, TOTAL_FEE.add(BigInteger.ONE), REQUESTS_HASH, NONCE, signed.signature());

        assertThat(TESTNET.recoverSigner(moreFee)).isNotEqualTo(TESTNET.recoverSigner(signed));
        assertThat(MAINNET.recoverSigner(signed)).isNotEqualTo(TESTNET.recoverSigner(signed));
    }

    @Test
    void shouldRejectValuesThatAreNotUint256() {
        BigInteger tooBig = BigInteger.ONE.shiftLeft(256);

        assertThatThrownBy(() -> TESTNET.structHash(REQUESTS_HASH, NONCE.negate(), PROVIDER, USER, TOTAL_FEE))
                .isInstanceOf(CoreException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> TESTNET.structHash(REQUESTS_HASH, NONCE, PROVIDER, USER, tooBig))
                .isInstanceOf(CoreException.class).hasMessageContaining("totalFee");
        assertThatThrownBy(() -> new SettlementDomain(0, USER)).isInstanceOf(CoreException.class);
    }
}
