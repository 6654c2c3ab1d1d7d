package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Hash32Test {

    @Test
    void shouldComputeKeccakOfUtf8Text() {
        assertThat(Hash32.keccak256("example").hex())
                .isEqualTo("0x6fd43e7cffc31bb581d7421c8698e29aa2bd8e7186a394b85299908b4eb9b175");
        assertThat(Hash32.keccak256(new byte[0]).hex())
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void shouldParseEitherCaseAndPrintLowercase() {
        Hash32 hash = Hash32.of("0x6FD43E7CFFC31BB581D7421C8698E29AA2BD8E7186A394B85299908B4EB9B175");

        assertThat(hash).isEqualTo(Hash32.keccak256("example"));
        assertThat(hash.toString()).isEqualTo("0x6fd43e7cffc31bb581d7421c8698e29aa2bd8e7186a394b85299908b4eb9b175");
        assertThat(Hash32.fromBytes(hash.bytes())).isEqualTo(hash);
        assertThat(Hash32.ZERO.bytes()).hasSize(32).containsOnly(0);
    }

    @Test
    void shouldRejectWrongLength() {
        assertThatThrownBy(() -> Hash32.of("0x1234")).isInstanceOf(CoreException.class).hasMessageContaining("0x1234");
        assertThatThrownBy(() -> Hash32.fromBytes(new byte[31])).isInstanceOf(CoreException.class);
    }
}
