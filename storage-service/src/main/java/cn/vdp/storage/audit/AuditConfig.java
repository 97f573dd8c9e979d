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
     * How long a read waits for its audit event, appended while it runs, before it is refused (503): a chain that
     * cannot be appended to must not hold readers for long.
     */
    @WithDefault("5s")
    Duration readAppendTimeout();

    /** Events of reads waiting to be appended at most; beyond that, reads are refused until the chain catches up. */
    @WithDefault("10000")
    int readAppendQueue();

    /** Events of reads appended together in one statement (and one commit) at most. */
    @WithDefault("500")
    int readAppendBatch();

    @WithDefault("100")
    int defaultPageSize();

    @WithDefault("1000")
    int maxPageSize();
}
