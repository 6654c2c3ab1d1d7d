package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite store that skips the fsync per commit ({@link SqliteDurability#PROCESS}) keeps every contract promise. */
class SqliteProcessDurabilityFeeStoreTest extends FeeStoreContract {
    @TempDir
    Path folder;

    @Override
    FeeStore createStore() {
        return FeeStore.sqlite(folder.resolve("fees.db"), SqliteDurability.PROCESS);
    }

    @Override
    FeeStore openSameStore() {
        return createStore();
    }

    @Test
    void commitsWithSynchronousNormalInWriteAheadLogMode() {
        JdbcFeeStore sqlite = (JdbcFeeStore) store;

        assertThat(sqlite.setting("PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(sqlite.setting("PRAGMA synchronous")).as("1 = NORMAL").isEqualTo("1");
    }
}
