package ai.zerog.compute.chain;

import java.time.Duration;

/** Waits between polls; tests inject one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("interrupted while waiting", e);
        }
    };

    void sleep(Duration duration);
}
