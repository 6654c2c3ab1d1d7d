package ai.zerog.compute.core;

/** Per-item result of {@code settleFeesWithTEE}, in on-chain {@code uint8} order (PROTOCOL.md §1.3, §1.7). */
public enum SettlementStatus {
    SUCCESS,
    PARTIAL,
    PROVIDER_MISMATCH,
    NO_TEE_SIGNER,
    INVALID_NONCE,
    INVALID_SIGNATURE;

    private static final SettlementStatus[] BY_CODE = values();

    /** The {@code uint8} value the contract returns and emits. */
    public int code() {
        return ordinal();
    }

    public static SettlementStatus ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new CoreException("unknown settlement status code " + code + " (expected 0.." + (BY_CODE.length - 1) + ")");
        }
        return BY_CODE[code];
    }
}
