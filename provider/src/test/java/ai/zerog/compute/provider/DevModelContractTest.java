package ai.zerog.compute.provider;

class DevModelContractTest extends UpstreamContractTest {
    private final DevModel model = DevModel.create();

    @Override
    Upstream upstream() {
        return model;
    }
}
