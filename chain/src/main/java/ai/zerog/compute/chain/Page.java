package ai.zerog.compute.chain;

import java.math.BigInteger;
import java.util.List;

/** One page of a paged view ({@code offset}/{@code limit}) and the total count on chain. */
public record Page<T>(List<T> items, BigInteger total) {
    public Page {
        items = List.copyOf(items);
    }
}
