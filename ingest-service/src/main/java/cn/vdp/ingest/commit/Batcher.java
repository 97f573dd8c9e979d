package cn.vdp.ingest.commit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

/**
 * Merges items submitted concurrently into group calls: a group is sent when it reaches the weight bound, or when
 * its oldest item has waited {@code maxWait}; at most {@code maxInFlight} group calls run at once, and while all
 * are busy items keep gathering (so groups grow with load). Each item's future completes when the group call
 * completes it; whatever the call leaves open fails with the call's failure. Beyond {@code maxQueuedWeight}
 * waiting, new items are refused at once, and an item that waited longer than {@code maxQueueTime} is refused
 * instead of sent ({@link Overloaded}): its sender would have given up, and sending it anyway only adds load.
 */
public final class Batcher<T, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Batcher.class);

    /** One group call: completes every entry's future (or lets the returned stage fail for those left open). */
    @FunctionalInterface
    public interface GroupCall<T, R> {
        CompletionStage<?> call(List<Entry<T, R>> group);
    }

    /** An item waiting in a group, and the future its submitter waits on. */
    public record Entry<T, R>(T item, int weight, CompletableFuture<R> future, long queuedAt) {
    }

    /** Too much is waiting already: the caller should come back later. */
    public static final class Overloaded extends RuntimeException {
        Overloaded(String name) {
            super(name + " has too much waiting", null, false, false);
        }
    }

    private final String name;
    private final int maxWeight;
    private final long maxWaitNanos;
    private final long maxQueueNanos;
    private final int maxInFlight;
    private final int maxQueuedWeight;
    private final GroupCall<T, R> call;
    private final ArrayDeque<Entry<T, R>> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread dispatcher;
    private int queuedWeight;
    private int inFlight;
    private boolean closed;

    public Batcher(String name, int maxWeight, Duration maxWait, int maxInFlight, int maxQueuedWeight,
            Duration maxQueueTime, GroupCall<T, R> call) {
        if (maxWeight < 1 || maxInFlight < 1 || maxQueuedWeight < maxWeight || maxWait.isNegative()) {
            throw new IllegalArgumentException(name + ": bounds must be positive and the queue hold one group");
        }
        this.name = name;
        this.maxWeight = maxWeight;
        this.maxWaitNanos = maxWait.toNanos();
        this.maxQueueNanos = maxQueueTime.toNanos();
        this.maxInFlight = maxInFlight;
        this.maxQueuedWeight = maxQueuedWeight;
        this.call = call;
        this.dispatcher = new Thread(this::dispatchLoop, name);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Queues an item; its weight (e.g. its number of records) counts against the group and queue bounds. */
    public CompletableFuture<R> submit(T item, int weight) {
        CompletableFuture<R> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                future.completeExceptionally(new IllegalStateException(name + " is closed"));
            } else if (queuedWeight + weight > maxQueuedWeight && !queue.isEmpty()) {
                future.completeExceptionally(new Overloaded(name));
            } else {
                queue.addLast(new Entry<>(item, weight, future, System.nanoTime()));
                queuedWeight += weight;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    private void dispatchLoop() {
        while (true) {
            List<Entry<T, R>> group;
            lock.lock();
            try {
                long wait;
                while ((wait = nanosUntilReady()) > 0 && !closed) {
                    changed.awaitNanos(wait);
                }
                if (closed) {
                    return;
                }
                group = takeGroup();
                if (group.isEmpty()) {
                    continue;
                }
                inFlight++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            run(group);
        }
    }

    /** 0 when a group should go now; otherwise how long to wait at most before looking again. */
    private long nanosUntilReady() {
        if (queue.isEmpty() || inFlight >= maxInFlight) {
            return TimeUnit.SECONDS.toNanos(1);
        }
        if (queuedWeight >= maxWeight) {
            return 0;
        }
        return Math.max(0, queue.peekFirst().queuedAt() + maxWaitNanos - System.nanoTime());
    }

    /**
     * Whole items in arrival order up to the weight bound (an item heavier than the bound goes alone); items that
     * waited too long are refused on the way. May be empty when all were.
     */
    private List<Entry<T, R>> takeGroup() {
        List<Entry<T, R>> group = new ArrayList<>();
        int weight = 0;
        long staleBefore = System.nanoTime() - maxQueueNanos;
        while (!queue.isEmpty() && (group.isEmpty() || weight + queue.peekFirst().weight() <= maxWeight)) {
            Entry<T, R> entry = queue.pollFirst();
            queuedWeight -= entry.weight();
            if (entry.queuedAt() - staleBefore < 0) {
                entry.future().completeExceptionally(new Overloaded(name));
                continue;
            }
            weight += entry.weight();
            group.add(entry);
        }
        return group;
    }

    private void run(List<Entry<T, R>> group) {
        CompletionStage<?> stage;
        try {
            stage = call.call(group);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((ignored, failure) -> {
            lock.lock();
            try {
                inFlight--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            Throwable cause = failure != null ? unwrap(failure)
                    : new IllegalStateException(name + ": the group call left an item unanswered");
            for (Entry<T, R> entry : group) {
                if (!entry.future().isDone() && entry.future().completeExceptionally(cause) && failure == null) {
                    LOG.error(cause.getMessage());
                }
            }
        });
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Fails what still waits and stops the dispatcher; groups already sent complete normally. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.forEach(e -> e.future().completeExceptionally(new IllegalStateException(name + " is closed")));
            queue.clear();
            queuedWeight = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
