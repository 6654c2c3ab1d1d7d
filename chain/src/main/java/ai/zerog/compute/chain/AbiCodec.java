package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Hash32;
import ai.zerog.compute.core.Signature;
import com.esaulpaugh.headlong.abi.ABIType;
import com.esaulpaugh.headlong.abi.ArrayType;
import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between our typed values (core {@link Address}, {@link Hash32}, {@link BigInteger},
 * records, lists) and headlong's ABI values. Records map to tuples by component order, which
 * is why every binding record declares its components in ABI order.
 */
final class AbiCodec {
    private AbiCodec() {
    }

    /** Our values to the tuple a function or struct expects. */
    static Tuple toTuple(TupleType<?> type, Object... values) {
        if (values.length != type.size()) {
            throw new ChainException("expected " + type.size() + " ABI values for " + type + ", got " + values.length);
        }
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = toAbi(type.get(i), values[i]);
        }
        return Tuple.from(converted);
    }

    /** ABI-encodes values as the given tuple type, e.g. constructor arguments {@code "(uint256,address)"}. */
    static byte[] encodeArgs(String tupleType, Object... values) {
        TupleType<Tuple> type = TupleType.parse(tupleType);
        return type.encode(toTuple(type, values)).array();
    }

    static Object toAbi(ABIType<?> type, Object value) {
        switch (type.typeCode()) {
            case ABIType.TYPE_CODE_ADDRESS:
                return com.esaulpaugh.headlong.abi.Address.wrap(((Address) value).checksummed());
            case ABIType.TYPE_CODE_BIG_INTEGER:
                return value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
            case ABIType.TYPE_CODE_INT:
                return ((Number) value).intValue();
            case ABIType.TYPE_CODE_LONG:
                return ((Number) value).longValue();
            case ABIType.TYPE_CODE_BOOLEAN:
                return value;
            case ABIType.TYPE_CODE_TUPLE:
                return recordToTuple(type.asTupleType(), (Record) value);
            case ABIType.TYPE_CODE_ARRAY:
                return arrayToAbi(type.asArrayType(), value);
            default:
                throw new ChainException("unsupported ABI type " + type.getCanonicalType());
        }
    }

    private static Object arrayToAbi(ArrayType<?, ?, ?> type, Object value) {
        if (type.isString()) {
            return value;
        }
        if (type.getElementType().typeCode() == ABIType.TYPE_CODE_BYTE) {
            if (value instanceof Hash32 h) {
                return h.bytes();
            }
            if (value instanceof Signature s) {
                return s.bytes();
            }
            return value;
        }
        List<?> list = (List<?>) value;
        ABIType<?> element = type.getElementType();
        Class<?> elementClass = element.clazz();
        if (elementClass == Integer.class) {
            return list.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        }
        if (elementClass == Long.class) {
            return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        }
        if (elementClass == Boolean.class) {
            boolean[] out = new boolean[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Boolean) list.get(i);
            }
            return out;
        }
        Object out = Array.newInstance(elementClass, list.size());
        for (int i = 0; i < list.size(); i++) {
            Array.set(out, i, toAbi(element, list.get(i)));
        }
        return out;
    }

    private static Tuple recordToTuple(TupleType<?> type, Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(record);
            }
        } catch (ReflectiveOperationException e) {
            throw new ChainException("cannot read " + record.getClass().getSimpleName(), e);
        }
        return toTuple(type, values);
    }

    /** A headlong value to the Java type a binding declares. */
    static Object fromAbi(Object value, Type target) {
        Class<?> raw = rawClass(target);
        if (value instanceof com.esaulpaugh.headlong.abi.Address a) {
            return Address.of(a.toString());
        }
        if (value instanceof Tuple t) {
            return tupleToRecord(t, raw);
        }
        if (value instanceof byte[] bytes) {
            if (raw == Hash32.class) {
                return Hash32.fromBytes(bytes);
            }
            if (raw == Signature.class) {
                return Signature.fromBytes(bytes);
            }
            return bytes;
        }
        if (value instanceof BigInteger b) {
            if (raw == long.class || raw == Long.class) {
                return b.longValueExact();
            }
            if (raw == int.class || raw == Integer.class) {
                return b.intValueExact();
            }
            return b;
        }
        if (value instanceof Integer i && (raw == BigInteger.class)) {
            return BigInteger.valueOf(i);
        }
        if (value instanceof Long l && (raw == BigInteger.class)) {
            return BigInteger.valueOf(l);
        }
        if (value != null && value.getClass().isArray() && List.class.isAssignableFrom(raw)) {
            Type elementType = ((ParameterizedType) target).getActualTypeArguments()[0];
            int length = Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(fromAbi(Array.get(value, i), elementType));
            }
            return List.copyOf(out);
        }
        return value;
    }

    /** Builds a record from a tuple whose elements are in the record's component order. */
    static <R> R tupleToRecord(Tuple tuple, Class<R> recordClass) {
        if (!recordClass.isRecord()) {
            throw new ChainException("cannot map a tuple to " + recordClass.getName());
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components.length != tuple.size()) {
            throw new ChainException(recordClass.getSimpleName() + " has " + components.length
                    + " components but the ABI tuple has " + tuple.size());
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = fromAbi(tuple.get(i), components[i].getGenericType());
        }
        try {
            Constructor<R> constructor = recordClass.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new ChainException("cannot build " + recordClass.getSimpleName() + " from " + tuple, e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
