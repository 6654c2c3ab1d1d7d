package ai.zerog.compute.chain;

import com.esaulpaugh.headlong.abi.ABIJSON;
import com.esaulpaugh.headlong.abi.ContractError;
import com.esaulpaugh.headlong.abi.Event;
import com.esaulpaugh.headlong.abi.Function;
import com.esaulpaugh.headlong.abi.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The functions, events and errors of one contract, parsed once from its ABI JSON. */
final class ContractAbi {
    private final String contractName;
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Event<Tuple>> eventsByName = new HashMap<>();
    private final List<Event<Tuple>> events;
    private final List<ContractError<Tuple>> errors;

    private ContractAbi(ContractArtifact artifact) {
        this.contractName = artifact.name();
        for (Function f : ABIJSON.parseNormalFunctions(artifact.abiJson())) {
            // overloads are addressed by canonical signature, unique names also by name
            functions.put(f.getCanonicalSignature(), f);
            functions.merge(f.getName(), f, (a, b) -> null);
        }
        this.events = ABIJSON.parseEvents(artifact.abiJson());
        events.forEach(e -> eventsByName.put(e.getName(), e));
        this.errors = ABIJSON.parseErrors(artifact.abiJson());
    }

    static ContractAbi of(ContractArtifact artifact) {
        return new ContractAbi(artifact);
    }

    String contractName() {
        return contractName;
    }

    Function function(String nameOrSignature) {
        Function f = functions.get(nameOrSignature);
        if (f == null) {
            throw new ChainException(contractName + " has no function " + nameOrSignature);
        }
        return f;
    }

    Event<Tuple> event(String name) {
        Event<Tuple> e = eventsByName.get(name);
        if (e == null) {
            throw new ChainException(contractName + " has no event " + name);
        }
        return e;
    }

    List<Event<Tuple>> events() {
        return events;
    }

    List<ContractError<Tuple>> errors() {
        return errors;
    }
}
