package ai.zerog.compute.web;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Signature;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Session-token signatures a browser wallet owes the server: the SDK asks (on a request thread),
 * every open page of that wallet hears about it on its event stream, the first page to answer
 * wins. No page open, a refusal or silence for {@link #TIMEOUT} fails the request with nothing sent.
 */
final class SignatureRequests {
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** How long a request waits for a page of the wallet to open its event stream at all. */
    static final Duration NO_PAGE_GRACE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(250);

    /** One signature owed: {@code message} is what to {@code personal_sign}, as 0x hex. */
    record Pending(String id, Address wallet, String messageHex, CompletableFuture<Signature> answer) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Address, List<BlockingQueue<Pending>>> listeners = new ConcurrentHashMap<>();

    /**
     * Blocks until a page of {@code wallet} signs {@code message}. A page that is loading gets
     * {@link #NO_PAGE_GRACE} to open its event stream (it then receives the waiting request).
     */
    Signature ask(Address wallet, byte[] message) {
        Pending request = new Pending(UUID.randomUUID().toString(), wallet, "0x" + HexFormat.of().formatHex(message),
                new CompletableFuture<>());
        pending.put(request.id(), request);
        try {
            listeners.getOrDefault(wallet, List.of()).forEach(page -> page.offer(request));
            long rounds = TIMEOUT.dividedBy(POLL);
            for (long round = 1; round <= rounds; round++) {
                try {
                    return request.answer().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    if (round * POLL.toMillis() >= NO_PAGE_GRACE.toMillis()
                            && listeners.getOrDefault(wallet, List.of()).isEmpty()) {
                        throw new WebUiException("no page with the browser wallet " + wallet.checksummed() + " is open"
                                + " to sign the session token: open the web UI with that wallet connected and retry");
                    }
                }
            }
            throw new WebUiException("the browser wallet did not sign within " + TIMEOUT.toMinutes()
                    + " minutes, so nothing was sent: approve the signature request in the wallet and retry");
        } catch (ExecutionException e) {
            throw new WebUiException("the browser wallet did not sign: " + e.getCause().getMessage()
                    + "; nothing was sent", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebUiException("interrupted while waiting for the browser wallet to sign", e);
        } finally {
            pending.remove(request.id());
        }
    }

    /** A page's signature for request {@code id}; unknown (answered or expired) ids are refused. */
    void answer(String id, Signature signature) {
        take(id).answer().complete(signature);
    }

    /** A page reports the wallet refused (or failed) to sign. */
    void refuse(String id, String reason) {
        take(id).answer().completeExceptionally(new WebUiException(reason));
    }

    private Pending take(String id) {
        Pending request = pending.get(Objects.requireNonNull(id, "id"));
        if (request == null) {
            throw new ApiProblem(404, "signature request " + id + " is no longer waiting (answered elsewhere or"
                    + " timed out): retry the action");
        }
        return request;
    }

    /** Wakes every listening page (they return to check whether the server is closing). */
    void wakeAll() {
        Pending nothing = new Pending("", Address.ZERO, "0x", CompletableFuture.completedFuture(null));
        listeners.values().forEach(pages -> pages.forEach(page -> page.offer(nothing)));
    }

    /** A page of {@code wallet} starts listening; close the returned queue's subscription when it leaves. */
    Subscription subscribe(Address wallet) {
        BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        listeners.computeIfAbsent(wallet, w -> new CopyOnWriteArrayList<>()).add(queue);
        pending.values().stream().filter(p -> p.wallet().equals(wallet)).forEach(queue::offer);
        return new Subscription(wallet, queue);
    }

    /** One listening page. */
    final class Subscription implements AutoCloseable {
        private final Address wallet;
        private final BlockingQueue<Pending> queue;

        private Subscription(Address wallet, BlockingQueue<Pending> queue) {
            this.wallet = wallet;
            this.queue = queue;
        }

        /** The next request still waiting for this page, or empty after {@code wait}. */
        Optional<Pending> next(Duration wait) throws InterruptedException {
            return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS))
                    .filter(request -> !request.answer().isDone());
        }

        @Override
        public void close() {
            List<BlockingQueue<Pending>> pages = listeners.get(wallet);
            if (pages != null) {
                pages.remove(queue);
            }
        }
    }
}
