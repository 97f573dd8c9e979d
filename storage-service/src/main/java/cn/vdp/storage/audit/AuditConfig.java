package cn.vdp.storage.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "storage.audit")
public interface AuditConfig {

    /**
     * Off only for the benchmark's "without audit" variant; the service refuses to start with it off under the
     * prod profile (see AuditStartupCheck).
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the service signs a checkpoint of the chain's head (none when nothing was appended since). */
    @WithDefault("1h")
    Duration checkpointInterval();

    /** Events read per query while verifying the chain (it is streamed in id order, never loaded whole). */
    @WithDefault("2000")
    int verifyChunkSize();

    /**
     * How long a read waits for its audit event to be staged (committed to audit_staged) while it runs, before it
     * is refused (503): a trail that cannot be written must not hold readers for long.
     */
    @WithDefault("5s")
    Duration readStageTimeout();

    /**
     * Reads' events staged at once, each on a connection of its own, so that concurrent reads share the database's
     * commit flushes instead of queueing behind each other.
     */
    @WithDefault("8")
    int readStageConnections();

    /** Events of reads waiting to be staged at most; beyond that, reads are refused until the stage catches up. */
    @WithDefault("10000")
    int readStageQueue();

    /** Staged events moved into the chain together, in one statement and one hold of the chain's lock, at most. */
    @WithDefault("500")
    int chainBatch();

    /**
     * How long the chainer gathers staged events after being told of the first, before it chains them all in one
     * statement: one commit and one hold of the chain's lock for all the reads of that time, instead of one each.
     * Regulators' queries do not wait for it.
     */
    @WithDefault("50ms")
    Duration chainDelay();

    /**
     * How often the chainer looks for staged events nobody told it of: staged by another replica, or before a
     * restart. Events this service stages are chained at once.
     */
    @WithDefault("1s")
    Duration chainPollInterval();

    /**
     * How long a regulator's query waits for the events of the reads that answered before it to be chained; after
     * that it answers with the chain as it is, and the verification reports what waits.
     */
    @WithDefault("2s")
    Duration chainCatchUpTimeout();

    /** A staged event not chained after this long is reported by the verification as overdue. */
    @WithDefault("1m")
    Duration stagedOverdueAfter();

    @WithDefault("100")
    int defaultPageSize();

    @WithDefault("1000")
    int maxPageSize();
}
