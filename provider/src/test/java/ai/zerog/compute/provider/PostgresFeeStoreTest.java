package ai.zerog.compute.provider;

class PostgresFeeStoreTest extends FeeStoreContract {
    private String url;

    @Override
    FeeStore createStore() {
        url = TestPostgres.get().newDatabase();
        return openSameStore();
    }

    @Override
    FeeStore openSameStore() {
        return FeeStore.postgres(url, TestPostgres.USER, "");
    }
}
