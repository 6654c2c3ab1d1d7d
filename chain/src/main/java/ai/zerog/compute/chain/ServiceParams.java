package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/** What a provider registers with {@code addOrUpdateService}. */
public record ServiceParams(String serviceType, String url, String model, String verifiability,
                            BigInteger inputPrice, BigInteger outputPrice, String additionalInfo,
                            Address teeSignerAddress) {
}
