package ai.zerog.compute.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RevertDecoderTest {
    private final RevertDecoder decoder = RevertDecoder.instance();

    @Test
    void shouldDecodeACustomErrorWithNamedArguments() {
        byte[] data = withSelector("adb9e043", AbiCodec.encodeArgs("(uint256,uint256)", BigInteger.TWO, BigInteger.TEN));

        RevertReason reason = decoder.decode(data);

        assertThat(reason.name()).isEqualTo("InsufficientAvailableBalance");
        assertThat(reason.arguments()).containsExactly(
                java.util.Map.entry("available", BigInteger.TWO), java.util.Map.entry("required", BigInteger.TEN));
        assertThat(reason).hasToString("InsufficientAvailableBalance(available=2, required=10)");
    }

    @Test
    void shouldDecodeInferenceErrorsWithAddresses() {
        Address user = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        Address provider = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

        RevertReason reason = decoder.decode(withSelector("08ca03ac", AbiCodec.encodeArgs("(address,address)", user, provider)));

        assertThat(reason).hasToString("AccountNotExists(user=" + user + ", provider=" + provider + ")");
    }

    @Test
    void shouldDecodeSolidityErrorStringsAndPanics() {
        assertThat(decoder.decode(withSelector("08c379a0", AbiCodec.encodeArgs("(string)", "Ownable: caller is not the owner"))))
                .hasToString("Error(message=Ownable: caller is not the owner)");
        assertThat(decoder.decode(withSelector("4e487b71", AbiCodec.encodeArgs("(uint256)", BigInteger.valueOf(0x11)))))
                .hasToString("Panic(code=17)");
    }

    @Test
    void shouldKeepUnknownAndEmptyRevertDataVisible() {
        assertThat(decoder.decode(HexFormat.of().parseHex("deadbeef01"))).hasToString("UnknownError(data=0xdeadbeef01)");
        assertThat(decoder.decode(new byte[0])).hasToString("EmptyRevert()");
    }

    private static byte[] withSelector(String selectorHex, byte[] args) {
        return DeploymentPlan.concat(HexFormat.of().parseHex(selectorHex), args);
    }
}
