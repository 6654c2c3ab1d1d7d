package ai.zerog.compute.provider;

/**
 * The right to settle, held by one broker process at a time (several replicas may share a
 * PostgreSQL store). Closing it lets another replica settle.
 */
public interface SettlerLease extends AutoCloseable {
    @Override
    void close();
}
