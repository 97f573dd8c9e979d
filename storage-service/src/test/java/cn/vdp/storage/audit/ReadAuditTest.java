package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.Rows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

/**
 * An owner's read stages its audit event while its query runs (AppendOnlyTest proves a read whose event cannot be
 * written gives nothing out; StagedReadEventsTest how staged events reach the chain): reads at once, whose events
 * are chained together, are each on record, and the chain stays intact.
 */
@StorageTest
class ReadAuditTest {

    @Inject
    AgroalDataSource db;

    @Test
    void readsAtOnceAreEachOnRecordInAnIntactChain() throws Exception {
        String vin = TestVins.next();
        register(vin, "CN", "ra-bob");
        Thread.sleep(5);
        send(List.of(record(vin, 1, Instant.now()))).then().statusCode(200);
        int reads = 40;
        List<String> requestIds = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < reads; i++) {
                String requestId = "ra-" + UUID.randomUUID();
                requestIds.add(requestId);
                String path = "/api/v1/vehicles/" + vin + (i % 2 == 0 ? "/telemetry" : "/latest");
                answers.add(pool.submit(() -> as(Tokens.owner("ra-bob")).header("X-Request-Id", requestId).get(path)
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        for (String requestId : requestIds) {
            assertEquals(1, AuditRows.ofRequest(db, requestId).size(), "one event for " + requestId);
        }
        assertEquals(reads, Rows.count(db, "SELECT count(*) FROM audit_event WHERE vin = ? AND actor_subject = 'ra-bob'"
                + " AND action IN ('telemetry.read', 'telemetry.latest') AND outcome = 'success'", vin));
        as(Tokens.regulator()).get("/api/v1/audit/verification").then().statusCode(200)
                .body("status", equalTo("INTACT"));
    }
}
