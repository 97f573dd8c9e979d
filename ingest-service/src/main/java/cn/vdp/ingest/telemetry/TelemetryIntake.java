package cn.vdp.ingest.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.signal.Category;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RefusalReason;
import cn.vdp.common.telemetry.TelemetryBatch;
import cn.vdp.common.telemetry.TelemetryRecord;
import cn.vdp.common.telemetry.TelemetryValidator;
import cn.vdp.ingest.car.CarRateLimiter;
import cn.vdp.ingest.commit.GroupCommit;
import cn.vdp.ingest.privacy.ConsentCache;
import cn.vdp.ingest.privacy.ConsentedCategories;
import cn.vdp.ingest.privacy.PrivacyFilter;

/**
 * One car's batch, from bytes to acknowledgement: rate limit, body limit, the record contract (a malformed batch
 * is refused whole), per-record refusals (another car's VIN, a time in the future, a sequence number not above the
 * previous record's), consent filtering and location rounding, then the group commit. The answer lists every
 * record in the order sent and is given only after storage-service committed what was kept.
 */
@ApplicationScoped
public class TelemetryIntake {

    @Inject
    IngestConfig config;

    @Inject
    CarRateLimiter limiter;

    @Inject
    ConsentCache consents;

    @Inject
    PrivacyFilter privacy;

    @Inject
    GroupCommit groupCommit;

    @Inject
    IngestMetrics metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    public CompletionStage<BatchResult> receive(String vin, InputStream body) throws IOException {
        rateLimited(() -> limiter.requireCapacity(vin));
        byte[] bytes = read(body);
        TelemetryBatch batch = parse(bytes);
        TelemetryValidator.requireValid(batch, config.maxBatchRecords());
        List<TelemetryRecord> records = batch.records();
        rateLimited(() -> limiter.take(vin, records.size()));
        metrics.received(records.size(), bytes.length);

        Instant now = clock.instant();
        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        List<Integer> accepted = new ArrayList<>(records.size());
        long highestSeq = Long.MIN_VALUE;
        boolean needsConsent = false;
        for (int i = 0; i < records.size(); i++) {
            TelemetryRecord record = records.get(i);
            String refusal = refusalOf(vin, record, highestSeq, now);
            highestSeq = Math.max(highestSeq, record.seq());
            if (refusal != null) {
                outcomes[i] = RecordOutcome.refused(record.vin(), record.seq(), refusal);
            } else {
                accepted.add(i);
                needsConsent |= PrivacyFilter.needsConsent(record);
            }
        }
        CompletionStage<ConsentedCategories> consent = needsConsent ? consents.liveFor(vin)
                : CompletableFuture.completedFuture(ConsentedCategories.NONE);
        return consent.thenCompose(live -> store(records, accepted, live, outcomes)).thenApply(done -> {
            BatchResult result = BatchResult.of(Arrays.asList(done));
            metrics.outcomes(result);
            return result;
        }).whenComplete((result, failure) -> {
            if (failure != null) {
                metrics.unacknowledged(accepted.size());
            }
        });
    }

    /**
     * Sends what consent allows; a record none of whose signals may be kept is answered STORED: there is nothing
     * left to keep, and the car must not send it again.
     */
    private CompletionStage<RecordOutcome[]> store(List<TelemetryRecord> records, List<Integer> accepted,
            ConsentedCategories consent, RecordOutcome[] outcomes) {
        Instant now = clock.instant();
        EnumMap<Category, Integer> dropped = new EnumMap<>(Category.class);
        List<TelemetryRecord> kept = new ArrayList<>(accepted.size());
        List<Integer> keptAt = new ArrayList<>(accepted.size());
        for (int i : accepted) {
            TelemetryRecord filtered = privacy.apply(records.get(i), consent, now, dropped);
            if (filtered == null) {
                outcomes[i] = RecordOutcome.stored(records.get(i).vin(), records.get(i).seq());
            } else {
                kept.add(filtered);
                keptAt.add(i);
            }
        }
        metrics.dropped(dropped);
        if (kept.isEmpty()) {
            return CompletableFuture.completedFuture(outcomes);
        }
        return groupCommit.commit(kept).thenApply(committed -> {
            for (int k = 0; k < keptAt.size(); k++) {
                outcomes[keptAt.get(k)] = committed.get(k);
            }
            return outcomes;
        });
    }

    private String refusalOf(String certificateVin, TelemetryRecord record, long highestSeq, Instant now) {
        if (!certificateVin.equals(record.vin())) {
            return RefusalReason.VIN_MISMATCH;
        }
        if (record.seq() <= highestSeq) {
            return RefusalReason.SEQUENCE_NOT_INCREASING;
        }
        if (record.recordedAt().isAfter(now.plus(config.maxFutureSkew()))) {
            return RefusalReason.RECORDED_AT_IN_FUTURE;
        }
        return null;
    }

    /** Reads at most the body limit; a longer (e.g. chunked) body is refused with 413 without reading the rest. */
    private byte[] read(InputStream body) {
        long limit = maxBodySize.asLongValue();
        try {
            // A body already in memory is copied once; a streamed one is read in chunks up to one byte past the limit.
            byte[] bytes = body instanceof ByteArrayInputStream buffered ? buffered.readAllBytes()
                    : body.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                metrics.tooBig();
                // The rest of the body is not read: the connection cannot be reused.
                throw new ProblemException(ProblemTypes.PAYLOAD_TOO_LARGE,
                        "The body may have at most " + limit + " bytes", List.of(), Map.of("Connection", "close"));
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "The body could not be read");
        }
    }

    /** Jackson's own exceptions reach the shared problem mappers unchanged (they name the offending field). */
    private TelemetryBatch parse(byte[] bytes) throws IOException {
        return json.readValue(bytes, TelemetryBatch.class);
    }

    private void rateLimited(Runnable check) {
        try {
            check.run();
        } catch (ProblemException e) {
            metrics.rateLimited();
            throw e;
        }
    }
}
