package ai.zerog.compute.sdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.RpcException;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.devnet.SharedAnvil;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ZgComputeBrokerTest {
    @Test
    void shouldSayTheRpcCannotBeReachedWhenNothingListens() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        NetworkProfile nowhere = NetworkProfile.DEVNET.withRpc(URI.create("http://127.0.0.1:" + closed));

        assertThatThrownBy(() -> ZgComputeBroker.create(Secp256k1Key.random(), nowhere))
                .isInstanceOf(SdkException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("check the RPC URL")
                .hasCauseInstanceOf(RpcException.class);
    }

    @Test
    void shouldRefuseAProfileForAnotherChain() {
        NetworkProfile testnetOnLocalNode = NetworkProfile.TESTNET.withRpc(SharedAnvil.get().rpcUrl());

        assertThatThrownBy(() -> ZgComputeBroker.create(Secp256k1Key.random(), testnetOnLocalNode))
                .isInstanceOf(SdkException.class)
                .hasMessageContaining("serves chain 31337 but the testnet profile expects chain 16602");
    }
}
