package ai.zerog.compute.chain;

import com.esaulpaugh.headlong.abi.ContractError;
import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import com.esaulpaugh.headlong.abi.TupleType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns revert data into a {@link RevertReason}: the custom errors of both our contracts (their
 * ABIs equal the official ones), plus Solidity's {@code Error(string)} and {@code Panic(uint256)}.
 */
final class RevertDecoder {
    private static final RevertDecoder INSTANCE = new RevertDecoder(List.of(
            ContractAbi.of(ContractArtifact.ours(ContractArtifact.LEDGER_MANAGER)),
            ContractAbi.of(ContractArtifact.ours(ContractArtifact.INFERENCE_SERVING))));

    private record Known(String name, TupleType<?> inputs, List<String> argNames) {
    }

    private final Map<String, Known> bySelector = new HashMap<>();

    private RevertDecoder(List<ContractAbi> abis) {
        standard("Error(string)", "message");
        standard("Panic(uint256)", "code");
        for (ContractAbi abi : abis) {
            for (ContractError<Tuple> error : abi.errors()) {
                TupleType<?> inputs = error.getInputs();
                List<String> names = IntStream.range(0, inputs.size())
                        .mapToObj(i -> inputs.getElementName(i) == null || inputs.getElementName(i).isEmpty()
                                ? "arg" + i : inputs.getElementName(i))
                        .toList();
                bySelector.putIfAbsent(error.function().selectorHex(), new Known(error.getName(), inputs, names));
            }
        }
    }

    private void standard(String signature, String argName) {
        Function f = Function.parse(signature);
        bySelector.put(f.selectorHex(), new Known(f.getName(), f.getInputs(), List.of(argName)));
    }

    static RevertDecoder instance() {
        return INSTANCE;
    }

    RevertReason decode(byte[] data) {
        if (data.length == 0) {
            return RevertReason.of("EmptyRevert");
        }
        if (data.length < 4) {
            return unknown(data);
        }
        Known known = bySelector.get(java.util.HexFormat.of().formatHex(data, 0, 4));
        if (known == null) {
            return unknown(data);
        }
        try {
            Tuple args = known.inputs().decode(ByteBuffer.wrap(Arrays.copyOfRange(data, 4, data.length)));
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                named.put(known.argNames().get(i), display(args.get(i)));
            }
            return new RevertReason(known.name(), named);
        } catch (IllegalArgumentException e) {
            return unknown(data);
        }
    }

    private static Object display(Object abiValue) {
        Object value = AbiCodec.fromAbi(abiValue, Object.class);
        if (value instanceof Integer i) {
            return BigInteger.valueOf(i);
        }
        return value;
    }

    private static RevertReason unknown(byte[] data) {
        return new RevertReason("UnknownError", Map.of("data", Hex.encode(data)));
    }
}
