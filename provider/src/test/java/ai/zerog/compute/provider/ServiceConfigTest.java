package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.zerog.compute.chain.ServiceParams;
import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Registration config: refused when wrong, rendered on chain as the official broker does. */
class ServiceConfigTest {
    private static final URI URL = URI.create("https://provider.example:8443");
    private static final Address TEE = Address.of("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

    @Test
    void shouldWriteAdditionalInfoWithSortedKeysLikeTheGoBroker() {
        assertThat(AdditionalInfo.dstack("zerog-compute-java/provider:dev", "sha256:abc").json()).isEqualTo(
                "{\"ImageDigest\":\"sha256:abc\",\"ImageName\":\"zerog-compute-java/provider:dev\","
                        + "\"TEEVerifier\":\"dstack\",\"TargetSeparated\":false,\"TargetTeeAddress\":\"\",\"VerifierURL\":\"\"}");
    }

    @Test
    void shouldLeaveOutImageKeysThatAreNotSet() {
        assertThat(AdditionalInfo.dstack("", "").json()).isEqualTo(
                "{\"TEEVerifier\":\"dstack\",\"TargetSeparated\":false,\"TargetTeeAddress\":\"\",\"VerifierURL\":\"\"}");
    }

    @Test
    void shouldBuildTheContractParamsWithTeeMlAndTheSigner() {
        ServiceConfig config = ServiceConfig.of("chatbot", URL, "qwen-2.5-7b", BigInteger.ONE, BigInteger.TWO);

        ServiceParams params = config.toParams(TEE);

        assertThat(params).isEqualTo(new ServiceParams("chatbot", "https://provider.example:8443", "qwen-2.5-7b",
                "TeeML", BigInteger.ONE, BigInteger.TWO,
                "{\"ImageName\":\"zerog-compute-java/provider:dev\",\"TEEVerifier\":\"dstack\",\"TargetSeparated\":false,"
                        + "\"TargetTeeAddress\":\"\",\"VerifierURL\":\"\"}", TEE));
    }

    @Test
    void shouldAcceptEveryKnownServiceTypeAndAFreeService() {
        for (String type : ServiceConfig.SERVICE_TYPES) {
            assertThat(ServiceConfig.of(type, URI.create("http://127.0.0.1:8080/broker"), "m", BigInteger.ZERO,
                    BigInteger.ZERO).serviceType()).isEqualTo(type);
        }
    }

    @Test
    void shouldRefuseAnUnknownServiceType() {
        assertThatThrownBy(() -> ServiceConfig.of("video", URL, "m", BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("'video'")
                .hasMessageContaining("chatbot");
    }

    @Test
    void shouldRefuseNegativeOrOversizedPrices() {
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URL, "m", BigInteger.valueOf(-1), BigInteger.ONE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("input price").hasMessageContaining("-1");
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URL, "m", BigInteger.ONE, BigInteger.ONE.shiftLeft(256)))
                .isInstanceOf(ProviderException.class).hasMessageContaining("output price");
    }

    @Test
    void shouldRefuseUrlsClientsCannotAppendPathsTo() {
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URI.create("https://p.example/"), "m", BigInteger.ONE,
                BigInteger.ONE)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("must not end with '/'").hasMessageContaining("'https://p.example'");
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URI.create("ftp://p.example"), "m", BigInteger.ONE,
                BigInteger.ONE)).isInstanceOf(ProviderException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URI.create("p.example:80"), "m", BigInteger.ONE,
                BigInteger.ONE)).isInstanceOf(ProviderException.class);
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URI.create("https://p.example?x=1"), "m", BigInteger.ONE,
                BigInteger.ONE)).isInstanceOf(ProviderException.class).hasMessageContaining("query");
    }

    @Test
    void shouldRefuseABlankModelAndUnknownVerifiability() {
        assertThatThrownBy(() -> ServiceConfig.of("chatbot", URL, " ", BigInteger.ONE, BigInteger.ONE))
                .isInstanceOf(ProviderException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> new ServiceConfig("chatbot", URL, "m", BigInteger.ONE, BigInteger.ONE, "TEE",
                AdditionalInfo.dstack("", ""))).isInstanceOf(ProviderException.class)
                .hasMessageContaining("verifiability 'TEE'");
    }

    @Test
    void shouldRefuseAdditionalInfoLongerThanTheContractAccepts() {
        assertThatThrownBy(() -> AdditionalInfo.dstack("x".repeat(4096), ""))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("at most 4096");
    }

    @Test
    void shouldRefuseATargetTeeAddressOnACombinedService() {
        assertThatThrownBy(() -> new AdditionalInfo("", "dstack", false, TEE.hex(), "", ""))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("TargetSeparated");
        assertThat(new AdditionalInfo("", "dstack", true, TEE.hex(), "", "").json())
                .contains("\"TargetSeparated\":true,\"TargetTeeAddress\":\"" + TEE.hex() + "\"");
    }
}
