package cn.vdp.ingest.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.TelemetryRecord;
import cn.vdp.ingest.storage.StorageClient;
import cn.vdp.ingest.storage.StorageRefusedException;
import cn.vdp.ingest.telemetry.IngestMetrics;

/**
 * Group commit: the records of many cars' requests arriving together go to storage-service in one batch call, and
 * each request completes with its own records' outcomes once that call has committed. If the call fails, every
 * request of the group fails (503): nothing is acknowledged that was not committed. If storage refuses a merged
 * batch as malformed, each request is sent alone, so that one car's bad data never fails the others.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    @Inject
    StorageClient storage;

    @Inject
    GroupCommitConfig config;

    @Inject
    IngestMetrics metrics;

    private Batcher<List<TelemetryRecord>, List<RecordOutcome>> batcher;

    @PostConstruct
    void start() {
        batcher = new Batcher<>("ingest-group-commit", config.maxRecords(), config.maxWait(), config.maxInFlight(),
                config.maxQueuedRecords(), config.maxQueueTime(), this::write);
    }

    @PreDestroy
    void stop() {
        batcher.close();
    }

    /** Completes with one outcome per record, in order, after storage-service committed them. */
    public CompletionStage<List<RecordOutcome>> commit(List<TelemetryRecord> records) {
        return batcher.submit(records, records.size()).handle((outcomes, failure) -> {
            if (failure == null) {
                return outcomes;
            }
            Throwable cause = Batcher.unwrap(failure);
            if (cause instanceof Batcher.Overloaded) {
                throw new ProblemException(ProblemTypes.SERVICE_UNAVAILABLE,
                        "Ingest is busy; nothing of this batch was acknowledged. Send it again later.", List.of(),
                        Map.of(HttpHeaders.RETRY_AFTER, "1"));
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        });
    }

    private CompletionStage<Void> write(List<Batcher.Entry<List<TelemetryRecord>, List<RecordOutcome>>> group) {
        return send(group).exceptionallyCompose(failure -> {
            Throwable cause = Batcher.unwrap(failure);
            if (cause instanceof StorageRefusedException && group.size() > 1) {
                LOG.warnf("storage refused a merged batch of %d requests (%s); sending each alone", group.size(),
                        cause.getMessage());
                return CompletableFuture.allOf(group.stream().map(e -> send(List.of(e)).exceptionally(f -> {
                    e.future().completeExceptionally(Batcher.unwrap(f));
                    return null;
                }).toCompletableFuture()).toArray(CompletableFuture[]::new));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** One storage call for these requests; completes each request's future on success. */
    private CompletionStage<Void> send(List<Batcher.Entry<List<TelemetryRecord>, List<RecordOutcome>>> group) {
        metrics.groupWaited(System.nanoTime() - group.get(0).queuedAt());
        List<TelemetryRecord> all = new ArrayList<>();
        group.forEach(entry -> all.addAll(entry.item()));
        byte[] body;
        try {
            body = BatchWriter.write(all);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        long start = System.nanoTime();
        return storage.write(body).subscribeAsCompletionStage().<Void> handle((result, failure) -> {
            metrics.storageCall(System.nanoTime() - start, all.size(), failure);
            if (failure != null) {
                Throwable cause = Batcher.unwrap(failure);
                if (cause instanceof StorageRefusedException && group.size() == 1) {
                    // Storage refused what ingest had validated: ingest's checks and storage's disagree.
                    LOG.errorf("storage refused a validated batch: %s", cause.getMessage());
                    group.get(0).future().completeExceptionally(new ProblemException(ProblemTypes.INTERNAL_ERROR,
                            null));
                    return null;
                }
                throw new CompletionException(cause);
            }
            distribute(group, result, all.size());
            return null;
        });
    }

    private static void distribute(List<Batcher.Entry<List<TelemetryRecord>, List<RecordOutcome>>> group,
            BatchResult result, int sent) {
        if (result == null || result.records() == null || result.records().size() != sent) {
            throw new IllegalStateException("storage answered " + (result == null ? "nothing" : result.records().size()
                    + " outcomes") + " for " + sent + " records");
        }
        int offset = 0;
        for (Batcher.Entry<List<TelemetryRecord>, List<RecordOutcome>> entry : group) {
            int size = entry.item().size();
            entry.future().complete(result.records().subList(offset, offset + size));
            offset += size;
        }
    }
}
