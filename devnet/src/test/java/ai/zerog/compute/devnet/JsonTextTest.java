package ai.zerog.compute.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final String RESPONSE = """
            {"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad \\"addr\\"\\n","data":[1,{"x":"}"}]},
             "result" : {"number":"0x1b","timestamp":"0x6b0983a4","txs":[]}}""";

    @Test
    void shouldReturnTheRawTextOfAMember() {
        assertThat(JsonText.member(RESPONSE, "result")).hasValue("{\"number\":\"0x1b\",\"timestamp\":\"0x6b0983a4\",\"txs\":[]}");
        assertThat(JsonText.member(RESPONSE, "id")).hasValue("1");
        assertThat(JsonText.member(RESPONSE, "missing")).isEmpty();
        assertThat(JsonText.member("{}", "result")).isEmpty();
    }

    @Test
    void shouldDecodeStringsWithEscapes() {
        String error = JsonText.member(RESPONSE, "error").orElseThrow();

        assertThat(JsonText.member(error, "message").map(JsonText::string)).hasValue("bad \"addr\"\n");
        assertThat(JsonText.string("\"\\u0041\"")).isEqualTo("A");
    }

    @Test
    void shouldReadHexQuantities() {
        String block = JsonText.member(RESPONSE, "result").orElseThrow();

        assertThat(JsonText.quantity(JsonText.member(block, "number").orElseThrow())).isEqualTo(BigInteger.valueOf(27));
        assertThatThrownBy(() -> JsonText.quantity("\"12\"")).isInstanceOf(DevnetException.class);
    }

    @Test
    void shouldQuoteForRequests() {
        assertThat(JsonText.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }

    @Test
    void shouldReportMalformedJson() {
        assertThatThrownBy(() -> JsonText.member("{\"result\":", "result"))
                .isInstanceOf(DevnetException.class).hasMessageContaining("malformed JSON");
    }
}
