package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import ai.zerog.compute.core.Signature;
import ai.zerog.compute.core.Signatures;
import ai.zerog.compute.core.WalletSigner;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Signs and sends transactions for one wallet: estimates gas first (so a revert is reported,
 * decoded, before any nonce is used), prices with EIP-1559 when the chain has a base fee and
 * legacy gas price otherwise (or as {@link TxOptions#gasPricing()} says, with retries of underpriced
 * transactions), tells {@link TxOptions#listener()} the hash as soon as the node accepts it, and
 * waits for the receipt. The wallet is a {@link WalletSigner}
 * (an in-memory key or an external signer); only the transaction digest is handed to it.
 */
public final class TransactionSender {
    private final EvmRpc rpc;
    private final WalletSigner signer;
    private final Address address;
    private final TxOptions options;
    private final NonceManager nonces;
    private volatile Boolean eip1559;

    private TransactionSender(EvmRpc rpc, WalletSigner signer, TxOptions options) {
        this.rpc = rpc;
        this.signer = signer;
        this.address = signer.address();
        this.options = options;
        this.nonces = NonceManager.shared(rpc, address);
    }

    public static TransactionSender create(EvmRpc rpc, Secp256k1Key key) {
        return create(rpc, WalletSigner.of(key), TxOptions.defaults());
    }

    public static TransactionSender create(EvmRpc rpc, Secp256k1Key key, TxOptions options) {
        return create(rpc, WalletSigner.of(key), options);
    }

    /** A sender for an external wallet; every signature it returns must recover to its address. */
    public static TransactionSender create(EvmRpc rpc, WalletSigner signer) {
        return create(rpc, signer, TxOptions.defaults());
    }

    public static TransactionSender create(EvmRpc rpc, WalletSigner signer, TxOptions options) {
        return new TransactionSender(Objects.requireNonNull(rpc, "rpc"), Objects.requireNonNull(signer, "signer"),
                Objects.requireNonNull(options, "options"));
    }

    public Address address() {
        return address;
    }

    public EvmRpc rpc() {
        return rpc;
    }

    /** Calls {@code to} with {@code data} and {@code value} neuron; {@code action} names it in errors. */
    public TxReceipt send(String action, Address to, BigInteger value, byte[] data) {
        return submit(action, Optional.of(to), value, data);
    }

    /** Deploys a contract from creation code (constructor arguments appended). */
    public TxReceipt deploy(String action, byte[] creationCode, BigInteger value) {
        return submit(action, Optional.empty(), value, creationCode);
    }

    /** A plain native transfer. */
    public TxReceipt transfer(Address to, BigInteger amount) {
        return submit("transfer to " + to, Optional.of(to), amount, new byte[0]);
    }

    private TxReceipt submit(String action, Optional<Address> to, BigInteger value, byte[] data) {
        BigInteger estimate = rpc.estimateGas(action, address, to, value, data);
        BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(100 + options.gasLimitMarginPercent()))
                .divide(BigInteger.valueOf(100));
        GasPricing pricing = options.gasPricing();
        Fees fees = pricing.fixedPrice().map(Fees::legacy).orElseGet(this::currentFees);
        Hash32 hash;
        while (true) {
            Fees priced = fees;
            try {
                hash = nonces.withNextNonce(() -> rpc.transactionCount(address, true),
                        nonce -> rpc.sendRawTransaction(sign(nonce, gasLimit, priced, to, value, data)));
                break;
            } catch (RpcException e) {
                Optional<Fees> bumped = GasPricing.isUnderpriced(e.getMessage()) ? fees.bumped(pricing) : Optional.empty();
                if (bumped.isEmpty()) {
                    throw e;
                }
                fees = bumped.get();
                options.listener().onRetry(action, e.getMessage(), fees.maxFee());
            }
        }
        options.listener().onSent(action, hash, fees.maxFee());
        TransactionReceipt receipt = awaitReceipt(hash);
        if (!receipt.isStatusOK()) {
            throw failure(action, to, value, data, receipt);
        }
        int type = receipt.getType() == null ? TxReceipt.LEGACY : Hex.toBigInteger(receipt.getType()).intValueExact();
        TxReceipt mined = new TxReceipt(hash, type, receipt.getBlockNumber().longValueExact(), receipt.getGasUsed(),
                Optional.ofNullable(receipt.getEffectiveGasPrice()).map(Hex::toBigInteger).orElse(fees.maxFee()),
                receipt.getLogs().stream().map(EvmRpc::toLogEntry).toList(),
                Optional.ofNullable(receipt.getContractAddress()).map(Address::of));
        options.listener().onConfirmed(action, mined);
        return mined;
    }

    /** A legacy gas price ({@code dynamic} false) or an EIP-1559 fee cap with its priority fee. */
    private record Fees(boolean dynamic, BigInteger maxFee, BigInteger priorityFee) {
        static Fees legacy(BigInteger gasPrice) {
            return new Fees(false, gasPrice, BigInteger.ZERO);
        }

        /** Both the cap and the tip go up by the step, as nodes want for a replacement; the tip never above the cap. */
        Optional<Fees> bumped(GasPricing pricing) {
            return pricing.bumped(maxFee).map(cap -> new Fees(dynamic, cap,
                    dynamic ? pricing.raise(priorityFee).min(cap) : BigInteger.ZERO));
        }
    }

    private Fees currentFees() {
        BlockHeader latest = rpc.latestBlock();
        if (eip1559 == null) {
            eip1559 = latest.baseFeePerGas().isPresent();
        }
        if (!eip1559) {
            return Fees.legacy(rpc.gasPrice());
        }
        BigInteger priority = rpc.maxPriorityFeePerGas();
        BigInteger baseFee = latest.baseFeePerGas().orElse(BigInteger.ZERO);
        return new Fees(true, baseFee.shiftLeft(1).add(priority), priority);
    }

    private String sign(long nonce, BigInteger gasLimit, Fees fees, Optional<Address> to, BigInteger value, byte[] data) {
        String toHex = to.map(Address::hex).orElse("");
        String dataHex = Hex.encode(data);
        long chainId = rpc.chainId();
        if (fees.dynamic()) {
            RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gasLimit, toHex,
                    value, dataHex, fees.priorityFee(), fees.maxFee());
            // EIP-1559: web3j writes v 27/28 as the y-parity 0/1
            return Hex.encode(TransactionEncoder.encode(tx, signatureOf(TransactionEncoder.encode(tx))));
        }
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), fees.maxFee(), gasLimit,
                toHex, value, dataHex);
        Sign.SignatureData eip155 = TransactionEncoder.createEip155SignatureData(
                signatureOf(TransactionEncoder.encode(tx, chainId)), chainId);
        return Hex.encode(TransactionEncoder.encode(tx, eip155));
    }

    /** The wallet's signature over keccak256 of the unsigned encoding, refused unless it recovers to the wallet. */
    private Sign.SignatureData signatureOf(byte[] unsignedEncoding) {
        Hash32 digest = Hash32.keccak256(unsignedEncoding);
        Signature signature;
        try {
            signature = Objects.requireNonNull(signer.signDigest(digest), "the signer returned no signature");
        } catch (RuntimeException e) {
            throw new ChainException("the wallet signer for " + address.checksummed() + " did not sign the transaction ("
                    + e.getMessage() + "); nothing was sent", e);
        }
        Optional<Address> recovered = Signatures.recoverDigest(digest, signature);
        if (!recovered.equals(Optional.of(address))) {
            throw new ChainException("the wallet signer for " + address.checksummed()
                    + " returned a signature that recovers to " + recovered.map(Address::checksummed).orElse("no address")
                    + " instead of " + address.checksummed()
                    + "; nothing was sent: the signer must sign the 32-byte digest as is, with the wallet's own key");
        }
        byte[] bytes = signature.bytes();
        return new Sign.SignatureData((byte) signature.v(), Arrays.copyOfRange(bytes, 0, 32),
                Arrays.copyOfRange(bytes, 32, 64));
    }

    private TransactionReceipt awaitReceipt(Hash32 hash) {
        Instant deadline = options.clock().instant().plus(options.receiptTimeout());
        Duration interval = options.firstPollInterval();
        while (true) {
            Optional<TransactionReceipt> receipt = rpc.rawReceipt(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (!options.clock().instant().isBefore(deadline)) {
                throw new TransactionTimeoutException(hash, options.receiptTimeout());
            }
            options.sleeper().sleep(interval);
            interval = interval.multipliedBy(2).compareTo(options.maxPollInterval()) > 0
                    ? options.maxPollInterval() : interval.multipliedBy(2);
        }
    }

    /** Replays a failed transaction as a call just before its block to learn the revert reason. */
    private ChainException failure(String action, Optional<Address> to, BigInteger value, byte[] data,
                                   TransactionReceipt receipt) {
        String what = action + " (transaction " + receipt.getTransactionHash() + ")";
        if (to.isPresent()) {
            try {
                rpc.callAt(what, Optional.of(address), to.get(), value, data,
                        DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE)));
            } catch (ContractRevertException e) {
                return e;
            }
        }
        return new ChainException(what + " failed on chain (status 0) without a revert reason; gas used "
                + receipt.getGasUsed() + " of its limit".toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "TransactionSender[" + address + " @ " + rpc.url() + "]";
    }
}
