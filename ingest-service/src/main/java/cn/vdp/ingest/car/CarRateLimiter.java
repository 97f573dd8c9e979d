package cn.vdp.ingest.car;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.scheduler.Scheduled;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;

/**
 * A token bucket per car, in records: a car may send {@code records-per-second} on average and
 * {@code burst-records} at once. A car whose bucket is empty is refused before its body is read; a batch larger
 * than what is left is refused whole (429 with Retry-After: when enough will be there).
 */
@ApplicationScoped
public class CarRateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    RateLimitConfig config;

    /** Refuses a car that has nothing left at all; also marks it active. */
    public void requireCapacity(String vin) {
        take(vin, 0);
    }

    /** Takes {@code records} from the car's bucket or refuses the request with 429. */
    public void take(String vin, int records) {
        Bucket bucket = buckets.computeIfAbsent(vin, v -> new Bucket(config.burstRecords(), System.nanoTime()));
        double waitSeconds = bucket.take(Math.max(records, 1), records > 0, config.recordsPerSecond(),
                config.burstRecords());
        if (waitSeconds > 0) {
            throw new ProblemException(ProblemTypes.TOO_MANY_REQUESTS,
                    "This car sends faster than " + config.recordsPerSecond() + " records/s; send again later",
                    List.of(), Map.of(HttpHeaders.RETRY_AFTER, String.valueOf((long) Math.ceil(waitSeconds))));
        }
    }

    /** Cars that sent something within the active window. */
    public int activeCars() {
        long since = System.nanoTime() - config.activeWindow().toNanos();
        return (int) buckets.values().stream().filter(b -> b.lastSeen() - since > 0).count();
    }

    /** Forgets cars idle for longer than the active window and long enough for a full bucket. */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdle() {
        long refillNanos = (long) (config.burstRecords() / config.recordsPerSecond() * TimeUnit.SECONDS.toNanos(1));
        long idle = Math.max(config.activeWindow().toNanos(), refillNanos);
        long now = System.nanoTime();
        buckets.values().removeIf(b -> now - b.lastSeen() > idle);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;
        private volatile long lastSeen;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.lastSeen = now;
        }

        long lastSeen() {
            return lastSeen;
        }

        /** Seconds until {@code cost} tokens are there (0: taken now, if {@code consume}). */
        synchronized double take(int cost, boolean consume, double perSecond, int capacity) {
            long now = System.nanoTime();
            lastSeen = now;
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < cost) {
                return Math.max(1, (cost - tokens) / perSecond);
            }
            if (consume) {
                tokens -= cost;
            }
            return 0;
        }
    }
}
