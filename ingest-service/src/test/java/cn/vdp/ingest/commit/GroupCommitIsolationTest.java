package cn.vdp.ingest.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;

import io.smallrye.mutiny.Uni;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.RecordOutcome;
import cn.vdp.common.telemetry.RecordStatus;
import cn.vdp.common.telemetry.TelemetryRecord;
import cn.vdp.ingest.storage.StorageClient;
import cn.vdp.ingest.storage.StorageRefusedException;
import cn.vdp.ingest.telemetry.IngestMetrics;

/** One car's batch that storage refuses must not fail the other cars merged with it. */
class GroupCommitIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Integer> callSizes = new CopyOnWriteArrayList<>();

    /** Stands in for storage: refuses any batch holding a record of the VIN "BAD", stores everything else. */
    private final StorageClient storage = new StorageClient() {
        @Override
        public Uni<BatchResult> write(byte[] batch) {
            try {
                JsonNode records = JSON.readTree(batch).path("records");
                callSizes.add(records.size());
                List<RecordOutcome> outcomes = new ArrayList<>();
                for (JsonNode record : records) {
                    if (record.path("vin").asText().equals("BAD")) {
                        return Uni.createFrom().failure(new StorageRefusedException(422, "bad record"));
                    }
                    outcomes.add(RecordOutcome.stored(record.path("vin").asText(), record.path("seq").asLong()));
                }
                return Uni.createFrom().item(BatchResult.of(outcomes));
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
        }
    };

    @Test
    void sendsEachRequestAloneWhenStorageRefusesTheMergedBatchSoOnlyTheBadOneFails() throws Exception {
        GroupCommit commit = new GroupCommit();
        commit.storage = storage;
        commit.config = config();
        commit.metrics = new IngestMetrics() {
            @Override
            public void storageCall(long nanos, int records, Throwable failure) {
                // not measured here
            }

            @Override
            public void groupWaited(long nanos) {
                // not measured here
            }
        };
        commit.start();
        try {
            CompletableFuture<List<RecordOutcome>> good = commit.commit(records("GOOD1", 2)).toCompletableFuture();
            CompletableFuture<List<RecordOutcome>> bad = commit.commit(records("BAD", 1)).toCompletableFuture();
            CompletableFuture<List<RecordOutcome>> other = commit.commit(records("GOOD2", 3)).toCompletableFuture();

            assertEquals(List.of(RecordStatus.STORED, RecordStatus.STORED),
                    good.get(5, TimeUnit.SECONDS).stream().map(RecordOutcome::status).toList());
            assertEquals(3, other.get(5, TimeUnit.SECONDS).size());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertEquals(500, assertInstanceOf(ProblemException.class, failure.getCause()).type().status());
            assertEquals(List.of(6, 2, 1, 3), callSizes, "one merged call, then each request alone");
        } finally {
            commit.stop();
        }
    }

    private static List<TelemetryRecord> records(String vin, int count) {
        List<TelemetryRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new TelemetryRecord(vin, (long) i, Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i),
                    Map.of("vehicle.speed", DoubleNode.valueOf(10 + i))));
        }
        return records;
    }

    private static GroupCommitConfig config() {
        return new GroupCommitConfig() {
            @Override
            public int maxRecords() {
                return 2000;
            }

            @Override
            public Duration maxWait() {
                return Duration.ofMillis(300);
            }

            @Override
            public int maxInFlight() {
                return 1;
            }

            @Override
            public int maxQueuedRecords() {
                return 20_000;
            }

            @Override
            public Duration maxQueueTime() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
