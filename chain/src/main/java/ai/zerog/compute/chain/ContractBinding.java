package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import com.esaulpaugh.headlong.abi.Event;
import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the typed bindings share: encode a call from typed values, eth_call or send it, decode
 * outputs into records, and decode this contract's logs into event records. Bindings stay a
 * list of one-line methods on top of this.
 */
final class ContractBinding {
    private final ContractAbi abi;
    private final Address address;
    private final EvmRpc rpc;
    private final Optional<TransactionSender> sender;
    private final Map<String, Class<? extends Record>> eventRecords = new HashMap<>();
    private final Map<String, Event<Tuple>> eventsByTopic = new HashMap<>();

    ContractBinding(ContractAbi abi, Address address, EvmRpc rpc, Optional<TransactionSender> sender,
                    Class<?> sealedEventType) {
        this.abi = abi;
        this.address = address;
        this.rpc = rpc;
        this.sender = sender;
        for (Class<?> permitted : sealedEventType.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> recordClass = (Class<? extends Record>) permitted;
            eventRecords.put(permitted.getSimpleName(), recordClass);
        }
        for (Event<Tuple> event : abi.events()) {
            if (!eventRecords.containsKey(event.getName())) {
                throw new ChainException(sealedEventType.getSimpleName() + " lacks a record for event " + event.getName());
            }
            eventsByTopic.put(HexFormat.of().formatHex(Function.newDefaultDigest()
                    .digest(event.getCanonicalSignature().getBytes(java.nio.charset.StandardCharsets.UTF_8))), event);
        }
    }

    Address address() {
        return address;
    }

    EvmRpc rpc() {
        return rpc;
    }

    Optional<TransactionSender> sender() {
        return sender;
    }

    byte[] encode(String function, Object... args) {
        Function f = abi.function(function);
        ByteBuffer call = f.encodeCall(AbiCodec.toTuple(f.getInputs(), args));
        return call.array();
    }

    Tuple callTuple(Optional<Address> from, String function, Object... args) {
        Function f = abi.function(function);
        byte[] out = rpc.call(describe(function), from.or(() -> sender.map(TransactionSender::address)), address,
                encode(function, args));
        if (out.length == 0 && f.getOutputs().size() > 0) {
            throw new ChainException(describe(function) + " returned no data: is there a "
                    + abi.contractName() + " contract at " + address + "?");
        }
        return f.decodeReturn(out);
    }

    /** A view call whose single output converts to {@code type}, or whose outputs form the record {@code type}. */
    @SuppressWarnings("unchecked")
    <R> R call(Type type, String function, Object... args) {
        return callFrom(Optional.empty(), type, function, args);
    }

    @SuppressWarnings("unchecked")
    <R> R callFrom(Optional<Address> from, Type type, String function, Object... args) {
        Tuple out = callTuple(from, function, args);
        if (out.size() == 1) {
            return (R) AbiCodec.fromAbi(out.get(0), type);
        }
        return (R) AbiCodec.tupleToRecord(out, (Class<?>) type);
    }

    TxReceipt send(BigInteger value, String function, Object... args) {
        TransactionSender s = sender.orElseThrow(() -> new ChainException(describe(function)
                + " needs a signer: this binding was opened read-only"));
        return s.send(describe(function), address, value, encode(function, args));
    }

    /** The events this contract emitted among {@code logs}, in log order. */
    <E> List<E> events(List<LogEntry> logs, Class<E> eventType) {
        List<E> out = new ArrayList<>();
        for (LogEntry log : logs) {
            if (!log.address().equals(address) || log.topics().isEmpty()) {
                continue;
            }
            Event<Tuple> event = eventsByTopic.get(HexFormat.of().formatHex(log.topics().get(0).bytes()));
            if (event == null) {
                continue;
            }
            byte[][] topics = log.topics().stream().map(ai.zerog.compute.core.Hash32::bytes).toArray(byte[][]::new);
            Tuple args = event.decodeArgs(topics, log.data());
            out.add(eventType.cast(AbiCodec.tupleToRecord(args, eventRecords.get(event.getName()))));
        }
        return List.copyOf(out);
    }

    String describe(String function) {
        return abi.contractName() + "." + function;
    }
}
