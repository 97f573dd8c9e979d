package cn.vdp.ingest.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The group commit's merging rules, without a storage behind them. */
class BatcherTest {

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    private CompletableFuture<Void> answerEach(List<Batcher.Entry<String, String>> group) {
        calls.add(group.stream().map(Batcher.Entry::item).toList());
        group.forEach(e -> e.future().complete("done:" + e.item()));
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void mergesItemsArrivingTogetherIntoOneCallAndAnswersEachItsOwn() throws Exception {
        try (Batcher<String, String> batcher = new Batcher<>("test", 100, Duration.ofMillis(200), 1, 1000,
                Duration.ofSeconds(30), this::answerEach)) {
            List<CompletableFuture<String>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(batcher.submit("car" + i, 10));
            }
            for (int i = 0; i < 5; i++) {
                assertEquals("done:car" + i, futures.get(i).get(5, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of(List.of("car0", "car1", "car2", "car3", "car4")), calls);
    }

    @Test
    void sendsAGroupAsSoonAsItReachesTheWeightBoundWithoutWaiting() throws Exception {
        try (Batcher<String, String> batcher = new Batcher<>("test", 20, Duration.ofSeconds(30), 1, 1000,
                Duration.ofSeconds(30), this::answerEach)) {
            CompletableFuture<String> first = batcher.submit("a", 10);
            CompletableFuture<String> second = batcher.submit("b", 10);
            CompletableFuture<String> third = batcher.submit("c", 10);
            assertEquals("done:b", second.get(5, TimeUnit.SECONDS), "a full group does not wait 30 s");
            assertEquals("done:a", first.get());
            assertTrue(!third.isDone() || calls.size() == 2);
        }
        assertEquals(List.of("a", "b"), calls.get(0));
    }

    @Test
    void failsEveryItemOfAGroupWhoseCallFails() {
        IllegalStateException outage = new IllegalStateException("storage down");
        try (Batcher<String, String> batcher = new Batcher<>("test", 100, Duration.ofMillis(50), 1, 1000,
                Duration.ofSeconds(30), group -> CompletableFuture.failedFuture(outage))) {
            CompletableFuture<String> a = batcher.submit("a", 1);
            CompletableFuture<String> b = batcher.submit("b", 1);
            assertSame(outage, assertThrows(ExecutionException.class, () -> a.get(5, TimeUnit.SECONDS)).getCause());
            assertSame(outage, assertThrows(ExecutionException.class, () -> b.get(5, TimeUnit.SECONDS)).getCause());
        }
    }

    @Test
    void refusesInsteadOfSendingAnItemThatWaitedLongerThanItsSenderWould() throws Exception {
        CompletableFuture<Void> slowCall = new CompletableFuture<>();
        try (Batcher<String, String> batcher = new Batcher<>("test", 10, Duration.ZERO, 1, 100,
                Duration.ofMillis(100), group -> {
                    calls.add(group.stream().map(Batcher.Entry::item).toList());
                    return slowCall;
                })) {
            batcher.submit("first", 10);
            CompletableFuture<String> stale = batcher.submit("second", 10);
            Thread.sleep(300);
            slowCall.complete(null);
            ExecutionException e = assertThrows(ExecutionException.class, () -> stale.get(5, TimeUnit.SECONDS));
            assertInstanceOf(Batcher.Overloaded.class, e.getCause());
        }
        assertEquals(List.of(List.of("first")), calls, "the stale item was never sent");
    }

    @Test
    void refusesNewItemsAtOnceWhenTooMuchIsWaiting() throws Exception {
        CompletableFuture<Void> neverAnswered = new CompletableFuture<>();
        CountDownLatch dispatched = new CountDownLatch(1);
        try (Batcher<String, String> batcher = new Batcher<>("test", 10, Duration.ZERO, 1, 20, Duration.ofSeconds(30),
                group -> {
            dispatched.countDown();
            return neverAnswered;
        })) {
            batcher.submit("in flight", 10);
            assertTrue(dispatched.await(5, TimeUnit.SECONDS));
            batcher.submit("waiting 1", 10);
            batcher.submit("waiting 2", 10);
            CompletableFuture<String> refused = batcher.submit("one too many", 10);
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(5, TimeUnit.SECONDS));
            assertInstanceOf(Batcher.Overloaded.class, e.getCause());
        }
    }
}
