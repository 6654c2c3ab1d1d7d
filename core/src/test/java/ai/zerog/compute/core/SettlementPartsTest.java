package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementPartsTest {

    @Test
    void shouldHashRowsAsConcatenatedDecimalText() {
        // Expected value: ethers keccak256(toUtf8Bytes(concatenation of the ten strings below)).
        List<RequestsHash.Row> rows = List.of(
                new RequestsHash.Row("0xaaa1", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
                        BigInteger.valueOf(1500), BigInteger.valueOf(500), BigInteger.valueOf(1000)),
                new RequestsHash.Row("0xbbb2", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                        BigInteger.valueOf(7), BigInteger.ZERO, BigInteger.valueOf(7)));

        assertThat(RequestsHash.of(rows).hex()).isEqualTo("0xa3118c53ddeea40f0bf4090943bd1f2a0486a65fa0c3226e9248f0085ece798e");
        assertThat(RequestsHash.of(List.of())).isEqualTo(Hash32.keccak256(new byte[0]));
    }

    @Test
    void shouldMakeNoncesFromUnixSeconds() {
        assertThat(SettlementNonce.fromUnixSeconds(1_700_000_000L)).isEqualTo(new BigInteger("17000000000000000"));
        assertThat(SettlementNonce.at(Instant.ofEpochSecond(1_700_000_000L, 999_000_000))).isEqualTo(new BigInteger("17000000000000000"));
        assertThatThrownBy(() -> SettlementNonce.fromUnixSeconds(-1)).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldMapStatusCodesInContractOrder() {
        assertThat(SettlementStatus.values()).extracting(SettlementStatus::code).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(SettlementStatus.ofCode(3)).isEqualTo(SettlementStatus.NO_TEE_SIGNER);
        assertThat(SettlementStatus.ofCode(5)).isEqualTo(SettlementStatus.INVALID_SIGNATURE);
        assertThatThrownBy(() -> SettlementStatus.ofCode(6)).isInstanceOf(CoreException.class).hasMessageContaining("6");
    }
}
