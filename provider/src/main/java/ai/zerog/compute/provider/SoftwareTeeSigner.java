package ai.zerog.compute.provider;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The development {@link TeeSigner}: an ordinary secp256k1 key generated once and kept in an
 * owner-only file (see {@link #openOrCreate}), with a dstack-shaped attestation document that
 * says everywhere that it is simulated. It signs exactly like a TEE key would, so the official
 * SDK verifies its answers, but its quote proves nothing about where it runs.
 *
 * <p>A {@code dstack} signer plugs in beside it by implementing the same interface: it asks the
 * dstack guest agent (HTTP over the Unix socket {@code /var/run/dstack.sock}) for a key with
 * {@code GetKey}, so the key never leaves the confidential VM and no file is involved, signs with
 * that key the same way, and builds {@link #quoteDocument()}'s counterpart with
 * {@link QuoteDocument#builder()} from {@code GetQuote(reportData(address))} and {@code Info}.
 */
public final class SoftwareTeeSigner implements TeeSigner {
    public static final String KIND = "software";
    /** The broker image named in the simulated {@code app_compose} unless another is given. */
    public static final String DEFAULT_IMAGE_NAME = "zerog-compute-java/provider:dev";

    private final Secp256k1Key key;
    private final Secp256k1Signing signing;
    private final String quoteDocument;

    private SoftwareTeeSigner(Secp256k1Key key, String imageName) {
        this.key = key;
        this.signing = new Secp256k1Signing(key.privateKey());
        this.quoteDocument = SimulatedQuote.forSigner(key.address(), imageName).json();
    }

    /**
     * Loads the key sealed in {@code sealedKeyFile}, or generates one and seals it there (creating
     * the directory) on first start. Refuses, naming the file and the fix, when the file is
     * readable or writable by anyone but its owner, or damaged.
     */
    public static SoftwareTeeSigner openOrCreate(Path sealedKeyFile) {
        return openOrCreate(sealedKeyFile, DEFAULT_IMAGE_NAME);
    }

    /** As {@link #openOrCreate(Path)}, naming {@code imageName} as the broker image in the attestation document. */
    public static SoftwareTeeSigner openOrCreate(Path sealedKeyFile, String imageName) {
        Objects.requireNonNull(sealedKeyFile, "sealedKeyFile");
        return new SoftwareTeeSigner(SealedKeyFile.openOrCreate(sealedKeyFile), requireImage(imageName));
    }

    /** A signer over a given key (fixed test vectors); nothing is stored. */
    static SoftwareTeeSigner withKey(Secp256k1Key key) {
        return new SoftwareTeeSigner(Objects.requireNonNull(key, "key"), DEFAULT_IMAGE_NAME);
    }

    @Override
    public Address address() {
        return key.address();
    }

    @Override
    public Signature signText(String text) {
        return signing.sign(Signatures.personalMessageHash(Objects.requireNonNull(text, "text")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Signature signDigest(Hash32 digest) {
        return signing.sign(Objects.requireNonNull(digest, "digest"));
    }

    @Override
    public String quoteDocument() {
        return quoteDocument;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String toString() {
        return "SoftwareTeeSigner[" + key.address() + "]";
    }

    private static String requireImage(String imageName) {
        Objects.requireNonNull(imageName, "imageName");
        if (imageName.isBlank() || imageName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
            throw new ProviderException("broker image name must be a non-empty image reference without spaces or "
                    + "quotes, got '" + imageName + "'");
        }
        return imageName;
    }
}
