package ai.zerog.compute.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressTest {

    // EIP-55 specification examples.
    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void shouldAcceptValidChecksumAndReproduceIt(String checksummed) {
        Address address = Address.of(checksummed);

        assertThat(address.checksummed()).isEqualTo(checksummed);
        assertThat(address.toString()).isEqualTo(checksummed);
        assertThat(address.hex()).isEqualTo(checksummed.toLowerCase());
    }

    @Test
    void shouldAcceptSingleCaseInputsAndTreatThemAsEqual() {
        Address lower = Address.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        Address upper = Address.of("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");
        Address mixed = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        assertThat(lower).isEqualTo(upper).isEqualTo(mixed).hasSameHashCodeAs(mixed);
        assertThat(upper.toString()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void shouldRejectMixedCaseWithBadChecksumNamingTheInput() {
        String typo = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

        assertThatThrownBy(() -> Address.of(typo))
                .isInstanceOf(CoreException.class)
                .hasMessageContaining(typo)
                .hasMessageContaining("EIP-55");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "0x", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00",
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", " 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    })
    void shouldRejectMalformedText(String text) {
        assertThatThrownBy(() -> Address.of(text)).isInstanceOf(CoreException.class).hasMessageContaining("'" + text + "'");
    }

    @Test
    void shouldRoundTripBytesWithoutSharingTheArray() {
        byte[] raw = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266").bytes();
        Address address = Address.fromBytes(raw);
        raw[0] = 0;

        assertThat(address.hex()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(Address.ZERO.hex()).isEqualTo("0x0000000000000000000000000000000000000000");
        assertThatThrownBy(() -> Address.fromBytes(new byte[19])).isInstanceOf(CoreException.class);
    }

    @Test
    void shouldOrderByUnsignedBytes() {
        Address low = Address.of("0x7f00000000000000000000000000000000000000");
        Address high = Address.of("0x8000000000000000000000000000000000000000");

        assertThat(low).isLessThan(high);
        assertThat(Address.ZERO).isLessThan(low);
    }
}
