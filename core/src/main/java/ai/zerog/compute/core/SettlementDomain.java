package ai.zerog.compute.core;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The EIP-712 domain of an InferenceServing contract and the {@code TEESettlement} typed-data hashing
 * the contract verifies (PROTOCOL.md §1.7). {@code verifyingContract} is the proxy address users
 * call, and {@code chainId} the chain it lives on.
 */
public record SettlementDomain(long chainId, Address verifyingContract) {

    public static final String NAME = "0G Inference Serving";
    public static final String VERSION = "1";
    public static final Hash32 DOMAIN_TYPEHASH = Hash32.keccak256(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    public static final Hash32 SETTLEMENT_TYPEHASH = Hash32.keccak256(
            "TEESettlement(bytes32 requestsHash,uint256 nonce,address provider,address user,uint256 totalFee)");

    private static final Hash32 NAME_HASH = Hash32.keccak256(NAME);
    private static final Hash32 VERSION_HASH = Hash32.keccak256(VERSION);

    public SettlementDomain {
        if (chainId <= 0) {
            throw new CoreException("chainId must be positive, got " + chainId);
        }
        Objects.requireNonNull(verifyingContract, "verifyingContract");
    }

    public Hash32 separator() {
        return new AbiWords()
                .add(DOMAIN_TYPEHASH)
                .add(NAME_HASH)
                .add(VERSION_HASH)
                .add(BigInteger.valueOf(chainId), "chainId")
                .add(verifyingContract)
                .keccak256();
    }

    /** Note the argument order: it follows the type string, not the {@link TeeSettlement} tuple. */
    public Hash32 structHash(Hash32 requestsHash, BigInteger nonce, Address provider, Address user, BigInteger totalFee) {
        return new AbiWords()
                .add(SETTLEMENT_TYPEHASH)
                .add(requestsHash)
                .add(nonce, "nonce")
                .add(provider)
                .add(user)
                .add(totalFee, "totalFee")
                .keccak256();
    }

    /** {@code keccak256(0x19 0x01 ‖ separator ‖ structHash)}, signed without any further prefix. */
    public Hash32 digest(Hash32 requestsHash, BigInteger nonce, Address provider, Address user, BigInteger totalFee) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(66);
        out.write(0x19);
        out.write(0x01);
        out.writeBytes(separator().bytes());
        out.writeBytes(structHash(requestsHash, nonce, provider, user, totalFee).bytes());
        return Hash32.keccak256(out.toByteArray());
    }

    public TeeSettlement sign(
            Secp256k1Key teeKey, Address user, Address provider, BigInteger totalFee, Hash32 requestsHash, BigInteger nonce) {
        Signature signature = teeKey.signDigest(digest(requestsHash, nonce, provider, user, totalFee));
        return new TeeSettlement(user, provider, totalFee, requestsHash, nonce, signature);
    }

    /** The TEE signer the contract would recover for this item, or empty if the signature is unacceptable. */
    public Optional<Address> recoverSigner(TeeSettlement settlement) {
        Hash32 digest = digest(
                settlement.requestsHash(), settlement.nonce(), settlement.provider(), settlement.user(), settlement.totalFee());
        return Signatures.recoverDigest(digest, settlement.signature());
    }
}
