package ai.zerog.compute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFeeStoreTest extends FeeStoreContract {
    @TempDir
    Path folder;

    @Override
    FeeStore createStore() {
        return FeeStore.sqlite(folder.resolve("broker").resolve("fees.db"));
    }

    @Override
    FeeStore openSameStore() {
        return createStore();
    }

    @Test
    void commitsSurviveAPowerCutByDefault() {
        JdbcFeeStore sqlite = (JdbcFeeStore) store;

        assertThat(sqlite.setting("PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(sqlite.setting("PRAGMA synchronous")).as("2 = FULL").isEqualTo("2");
    }
}
