package ai.zerog.compute.cli.serve;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.sdk.ZgComputeBroker;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A proxy over the devnet chatbot for one test, with a wallet of its own: the dev provider limits
 * each user to a burst of 5 requests, so tests that chat do not share a wallet.
 */
record ChatProxy(ZgComputeBroker user, LocalProxy proxy, ProxyCalls calls, RecordingLog log) implements AutoCloseable {

    static ChatProxy start() {
        return start(config -> config);
    }

    static ChatProxy start(UnaryOperator<ProxyConfig> adjust) {
        ZgComputeBroker user = ServeNetwork.newUser();
        RecordingLog log = new RecordingLog();
        LocalProxy proxy = LocalProxy.start(adjust.apply(ProxyConfig.of(List.of(ProxyTarget.provider(chatbot(), 0)))
                .withPort(0)), user, log);
        return new ChatProxy(user, proxy, new ProxyCalls(proxy.url()), log);
    }

    static Address chatbot() {
        return ServeNetwork.provider("chatbot");
    }

    @Override
    public void close() {
        proxy.close();
        user.close();
    }
}
