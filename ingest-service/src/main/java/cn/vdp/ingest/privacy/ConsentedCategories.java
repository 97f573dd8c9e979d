package cn.vdp.ingest.privacy;

import java.time.Instant;
import java.util.Map;

import cn.vdp.common.signal.Category;

/** The sensitive categories one car's owner has agreed to, each until its own expiry. */
public record ConsentedCategories(Map<Category, Instant> until) {

    public static final ConsentedCategories NONE = new ConsentedCategories(Map.of());

    /** Given, and not expired at this instant: checked at use, so a consent expiring while cached stops at once. */
    public boolean allows(Category category, Instant now) {
        Instant expiry = until.get(category);
        return expiry != null && expiry.isAfter(now);
    }

    /** The earliest expiry, or null: a cache entry must not outlive it. */
    Instant earliestExpiry() {
        return until.values().stream().min(Instant::compareTo).orElse(null);
    }
}
