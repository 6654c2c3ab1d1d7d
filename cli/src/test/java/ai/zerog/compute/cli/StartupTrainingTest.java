package ai.zerog.compute.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupTrainingTest {
    @Test
    void theTrainingCommandsGetAsFarAsTheRpc() throws Exception {
        // get-account (twice), get-sub-account, list-providers, get-secret: each asks the chain id, then calls a contract
        assertThat(StartupTraining.train()).isGreaterThanOrEqualTo(10);
    }
}
