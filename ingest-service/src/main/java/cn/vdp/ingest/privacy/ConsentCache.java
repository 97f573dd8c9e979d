package cn.vdp.ingest.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

import cn.vdp.common.signal.Category;
import cn.vdp.ingest.commit.Batcher;
import cn.vdp.ingest.storage.StorageClient;
import cn.vdp.ingest.storage.StorageConsents.LiveConsent;
import cn.vdp.ingest.storage.StorageConsents.LiveConsents;

/**
 * Live consent per VIN, read from storage-service and kept briefly: at most {@code ingest.consent.cache-ttl} and
 * never past the earliest expiry it holds. Lookups of many cars arriving together share one storage call. An entry
 * in the last third of its life is still used while a fresh one is fetched in the background, so that a car's
 * requests wait for a lookup only when it has none (the first request, or after an outage); background refreshes
 * gather for longer ({@code ingest.consent.refresh-max-wait}), as nobody waits on them.
 */
@ApplicationScoped
public class ConsentCache {

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    StorageClient storage;

    @Inject
    PrivacyConfig config;

    @Inject
    Clock clock;

    private Batcher<String, ConsentedCategories> lookups;
    private Batcher<String, ConsentedCategories> refreshes;

    @PostConstruct
    void start() {
        int max = config.consent().maxVinsPerLookup();
        lookups = new Batcher<>("ingest-consent-lookup", max, config.consent().lookupMaxWait(), 4, max * 10,
                Duration.ofSeconds(3), this::lookUp);
        refreshes = new Batcher<>("ingest-consent-refresh", max, config.consent().refreshMaxWait(), 1, max * 10,
                Duration.ofSeconds(3), this::lookUp);
    }

    @PreDestroy
    void stop() {
        lookups.close();
        refreshes.close();
    }

    public CompletionStage<ConsentedCategories> liveFor(String vin) {
        Instant now = clock.instant();
        Cached cached = cache.get(vin);
        if (cached != null && now.isBefore(cached.validUntil)) {
            if (!now.isBefore(cached.refreshFrom) && cached.refreshing.compareAndSet(false, true)) {
                refreshes.submit(vin, 1); // its answer replaces this entry; on failure this one serves until it ends
            }
            return CompletableFuture.completedFuture(cached.consent);
        }
        return lookups.submit(vin, 1);
    }

    private CompletionStage<?> lookUp(List<Batcher.Entry<String, ConsentedCategories>> group) {
        List<String> vins = new ArrayList<>(group.stream().map(Batcher.Entry::item).distinct().toList());
        Instant asked = clock.instant();
        return storage.liveConsents(vins).subscribeAsCompletionStage().thenAccept(answer -> {
            for (Batcher.Entry<String, ConsentedCategories> entry : group) {
                ConsentedCategories consent = parse(answer, entry.item());
                cache.put(entry.item(), new Cached(consent, asked, validUntil(consent, asked)));
                entry.future().complete(consent);
            }
        });
    }

    private Instant validUntil(ConsentedCategories consent, Instant asked) {
        Instant limit = asked.plus(config.consent().cacheTtl());
        Instant expiry = consent.earliestExpiry();
        return expiry != null && expiry.isBefore(limit) ? expiry : limit;
    }

    /** Categories storage reports that ingest does not know, or that need no consent, are ignored. */
    private static ConsentedCategories parse(LiveConsents answer, String vin) {
        List<LiveConsent> live = answer.vehicles() == null ? null : answer.vehicles().get(vin);
        if (live == null || live.isEmpty()) {
            return ConsentedCategories.NONE;
        }
        Map<Category, Instant> until = new EnumMap<>(Category.class);
        for (LiveConsent consent : live) {
            Category.fromCode(consent.category()).filter(Category::consentRequired)
                    .filter(c -> consent.expiresAt() != null)
                    .ifPresent(c -> until.put(c, consent.expiresAt()));
        }
        return new ConsentedCategories(Map.copyOf(until));
    }

    /** Drops entries no longer valid, so that the cache holds only recently active cars. */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetExpired() {
        Instant now = clock.instant();
        cache.values().removeIf(c -> !now.isBefore(c.validUntil));
    }

    private static final class Cached {
        final ConsentedCategories consent;
        final Instant validUntil;
        final Instant refreshFrom;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Cached(ConsentedCategories consent, Instant asked, Instant validUntil) {
            this.consent = consent;
            this.validUntil = validUntil;
            this.refreshFrom = asked.plus(Duration.between(asked, validUntil).multipliedBy(2).dividedBy(3));
        }
    }
}
