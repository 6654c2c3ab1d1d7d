package ai.zerog.compute.provider;

/**
 * How hard a SQLite fee store pushes each commit to disk. Both keep the write-ahead log (readers
 * never wait for the writer). What a lost commit costs is the provider's: the user had the answer
 * and the lost fee is never settled, so users are never over-charged either way.
 */
public enum SqliteDurability {
    /**
     * {@code synchronous=FULL}: every commit (so every answer's fee) is on disk before the answer
     * completes, and survives a broker crash, an OS crash and a power cut. One fsync per commit.
     */
    FULL("FULL"),
    /**
     * {@code synchronous=NORMAL}: a commit survives the broker process dying, but the last commits
     * before an OS crash or power cut may be lost. No fsync per commit (only at checkpoints).
     */
    PROCESS("NORMAL");

    private final String synchronous;

    SqliteDurability(String synchronous) {
        this.synchronous = synchronous;
    }

    /** The value of SQLite's {@code synchronous} setting. */
    String synchronousPragma() {
        return synchronous;
    }
}
