package cn.vdp.storage.audit;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.register;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import cn.vdp.storage.support.AuditRows;
import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class AuditHooksTest {

    @Inject
    AgroalDataSource db;

    @Test
    void ownerReadOfTelemetryLeavesOneEventWithTheRequestId() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("alice")).header("X-Request-Id", "read-1-" + vin).get("/api/v1/vehicles/" + vin + "/telemetry")
                .then().statusCode(200).header("X-Request-Id", "read-1-" + vin);
        System.out.println("ALL EVENTS " + AuditRows.after(db, 0));
        List<Map<String, Object>> events = AuditRows.ofRequest(db, "read-1-" + vin);
        assertEquals(1, events.size(), events.toString());
        assertEquals("telemetry.read", events.get(0).get("action"));
    }

    @Test
    void someoneElsesVinIsDeniedAndAudited() {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        as(Tokens.owner("mallory")).header("X-Request-Id", "deny-1-" + vin).get("/api/v1/vehicles/" + vin + "/telemetry")
                .then().statusCode(404).body("requestId", org.hamcrest.Matchers.equalTo("deny-1-" + vin));
        List<Map<String, Object>> events = AuditRows.ofRequest(db, "deny-1-" + vin);
        assertEquals(1, events.size(), events.toString());
        assertEquals("denied", events.get(0).get("outcome"));
        as(Tokens.regulator()).header("X-Request-Id", "deny-2-" + vin).post("/api/v1/vehicles/" + vin + "/transfers")
                .then().statusCode(403);
        events = AuditRows.ofRequest(db, "deny-2-" + vin);
        assertEquals(1, events.size(), events.toString());
        System.out.println(events);
    }
}
