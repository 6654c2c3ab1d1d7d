package ai.zerog.compute.provider;

import java.nio.file.Path;
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
}
