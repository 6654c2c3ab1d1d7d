package ai.zerog.compute.provider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The OpenAI adapter talking to the dev model over a real socket. */
class OpenAiUpstreamContractTest extends UpstreamContractTest {
    private static DevModelServer server;
    private static OpenAiUpstream upstream;

    @BeforeAll
    static void start() {
        server = DevModelServer.start(DevModel.create());
        upstream = OpenAiUpstream.create(OpenAiUpstreamConfig.of(server.baseUrl()));
    }

    @AfterAll
    static void stop() {
        upstream.close();
        server.close();
    }

    @Override
    Upstream upstream() {
        return upstream;
    }
}
