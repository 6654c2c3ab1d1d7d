package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Secp256k1Key;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Signs and sends transactions for one key: estimates gas first (so a revert is reported,
 * decoded, before any nonce is used), prices with EIP-1559 when the chain has a base fee and
 * legacy gas price otherwise, and waits for the receipt.
 */
public final class TransactionSender {
    private final EvmRpc rpc;
    private final Credentials credentials;
    private final Address address;
    private final TxOptions options;
    private final NonceManager nonces;
    private volatile Boolean eip1559;

    private TransactionSender(EvmRpc rpc, Secp256k1Key key, TxOptions options) {
        this.rpc = rpc;
        this.credentials = Credentials.create(ECKeyPair.create(key.privateKey()));
        this.address = key.address();
        this.options = options;
        this.nonces = NonceManager.shared(rpc, address);
    }

    public static TransactionSender create(EvmRpc rpc, Secp256k1Key key) {
        return new TransactionSender(rpc, key, TxOptions.defaults());
    }

    public static TransactionSender create(EvmRpc rpc, Secp256k1Key key, TxOptions options) {
        return new TransactionSender(rpc, key, options);
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
        Fees fees = currentFees();
        Hash32 hash = nonces.withNextNonce(() -> rpc.transactionCount(address, true),
                nonce -> rpc.sendRawTransaction(sign(nonce, gasLimit, fees, to, value, data)));
        TransactionReceipt receipt = awaitReceipt(hash);
        if (!receipt.isStatusOK()) {
            throw failure(action, to, value, data, receipt);
        }
        int type = receipt.getType() == null ? TxReceipt.LEGACY : Hex.toBigInteger(receipt.getType()).intValueExact();
        return new TxReceipt(hash, type, receipt.getBlockNumber().longValueExact(), receipt.getGasUsed(),
                Optional.ofNullable(receipt.getEffectiveGasPrice()).map(Hex::toBigInteger).orElse(fees.effectiveCap()),
                receipt.getLogs().stream().map(EvmRpc::toLogEntry).toList(),
                Optional.ofNullable(receipt.getContractAddress()).map(Address::of));
    }

    private record Fees(boolean dynamic, BigInteger maxFee, BigInteger priorityFee) {
        BigInteger effectiveCap() {
            return maxFee;
        }
    }

    private Fees currentFees() {
        BlockHeader latest = rpc.latestBlock();
        if (eip1559 == null) {
            eip1559 = latest.baseFeePerGas().isPresent();
        }
        if (!eip1559) {
            return new Fees(false, rpc.gasPrice(), BigInteger.ZERO);
        }
        BigInteger priority = rpc.maxPriorityFeePerGas();
        BigInteger baseFee = latest.baseFeePerGas().orElse(BigInteger.ZERO);
        return new Fees(true, baseFee.shiftLeft(1).add(priority), priority);
    }

    private String sign(long nonce, BigInteger gasLimit, Fees fees, Optional<Address> to, BigInteger value, byte[] data) {
        String toHex = to.map(Address::hex).orElse("");
        String dataHex = Hex.encode(data);
        long chainId = rpc.chainId();
        byte[] signed;
        if (fees.dynamic()) {
            RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), gasLimit, toHex,
                    value, dataHex, fees.priorityFee(), fees.maxFee());
            signed = TransactionEncoder.signMessage(tx, credentials);
        } else {
            RawTransaction tx = RawTransaction.createTransaction(BigInteger.valueOf(nonce), fees.maxFee(), gasLimit,
                    toHex, value, dataHex);
            signed = TransactionEncoder.signMessage(tx, chainId, credentials);
        }
        return Hex.encode(signed);
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
