package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;

/**
 * The key that lives in the TEE: it signs answers (EIP-191 over the text of PROTOCOL.md §5.1)
 * and settlements (EIP-712 digests, §1.7), and produces the attestation document served at
 * {@code /v1/quote} (§6.1), whose report data binds {@link #address()}.
 */
public interface TeeSigner {
    /** The signer address registered on chain as {@code teeSignerAddress}. */
    Address address();

    /** EIP-191 signature over the UTF-8 bytes of {@code text}. */
    Signature signText(String text);

    /** Plain ECDSA over a 32-byte digest (no prefix), for EIP-712 settlement data. */
    Signature signDigest(Hash32 digest);

    /** The JSON attestation document for {@code GET /v1/quote}. */
    String quoteDocument();

    /** {@code software} (simulated attestation) or {@code dstack}. */
    String kind();
}
