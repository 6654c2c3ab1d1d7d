package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedAnvilTest {

    @Test
    void shouldStartOneNodePerJvmAndHandItOutAgain() {
        AnvilNode node = SharedAnvil.get();

        assertThat(SharedAnvil.get()).isSameAs(node);
        assertThat(node.isAlive()).isTrue();
        assertThat(node.chainId()).isEqualTo(31337);
    }
}
