package cn.vdp.ingest.commit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ingest.group-commit")
public interface GroupCommitConfig {

    /** Records per storage call at most (storage-service is fastest with about 2000). */
    @WithDefault("2000")
    int maxRecords();

    /** How long the first request of a group waits for others before the group goes anyway. */
    @WithDefault("2ms")
    Duration maxWait();

    /** Storage calls running at once; while all are busy, requests gather into the next group. */
    @WithDefault("4")
    int maxInFlight();

    /**
     * Records waiting at most; beyond this, requests are answered 503 at once rather than queued for longer than
     * storage's timeout (which would only turn into a 503 later, after the work was done).
     */
    @WithDefault("20000")
    int maxQueuedRecords();

    /** A request that waited this long for its turn is answered 503 instead of being sent (overload). */
    @WithDefault("3s")
    Duration maxQueueTime();
}
