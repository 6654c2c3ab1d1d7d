package ai.zerog.compute.core;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The {@code requestsHash} the official broker signs into a settlement (PROTOCOL.md §1.7): keccak256
 * over the concatenated UTF-8 text of each fee row, oldest row first. The contract never checks it,
 * but the user side can recompute it from the broker's records to audit a settlement.
 */
public final class RequestsHash {

    private RequestsHash() {}

    /**
     * One settled request row as the broker stores it. {@code userAddress} is hashed exactly as
     * stored (no case normalisation), because changing its case would change the hash.
     */
    public record Row(String requestHash, String userAddress, BigInteger fee, BigInteger inputFee, BigInteger outputFee) {

        public Row {
            Objects.requireNonNull(requestHash, "requestHash");
            Objects.requireNonNull(userAddress, "userAddress");
            AbiWords.checkUint256(fee, "fee");
            AbiWords.checkUint256(inputFee, "inputFee");
            AbiWords.checkUint256(outputFee, "outputFee");
        }
    }

    /** keccak256 of {@code requestHash ‖ userAddress ‖ fee ‖ inputFee ‖ outputFee} per row, fees as decimal text. */
    public static Hash32 of(List<Row> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Row row : rows) {
            utf8(out, row.requestHash());
            utf8(out, row.userAddress());
            utf8(out, row.fee().toString());
            utf8(out, row.inputFee().toString());
            utf8(out, row.outputFee().toString());
        }
        return Hash32.keccak256(out.toByteArray());
    }

    private static void utf8(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
