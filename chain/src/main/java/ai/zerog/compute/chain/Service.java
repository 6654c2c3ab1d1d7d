package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import java.math.BigInteger;

/** A provider's registered inference service; prices are neuron per unit (token, image, second). */
public record Service(Address provider, String serviceType, String url, BigInteger inputPrice, BigInteger outputPrice,
                      BigInteger updatedAt, String model, String verifiability, String additionalInfo,
                      Address teeSignerAddress, boolean teeSignerAcknowledged) {
}
