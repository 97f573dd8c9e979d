package cn.vdp.storage.telemetry;

import static cn.vdp.storage.support.Api.as;
import static cn.vdp.storage.support.Api.record;
import static cn.vdp.storage.support.Api.register;
import static cn.vdp.storage.support.Api.send;
import static cn.vdp.storage.support.Api.transfer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.vdp.storage.support.StorageTest;
import cn.vdp.storage.support.TestVins;
import cn.vdp.storage.support.Tokens;

@StorageTest
class OwnershipVisibilityTest {

    private static List<Integer> seqsSeenBy(String owner, String vin) {
        return as(Tokens.owner(owner)).get("/api/v1/vehicles/" + vin + "/telemetry?limit=1000")
                .then().statusCode(200).extract().path("records.seq");
    }

    @Test
    void eachOwnerSeesOnlyWhatWasRecordedWhileTheyOwnedTheCar() throws InterruptedException {
        String vin = TestVins.next();
        register(vin, "CN", "alice");
        Thread.sleep(5);
        Instant beforeTransfer = Instant.now();
        send(List.of(record(vin, 1, beforeTransfer), record(vin, 2, beforeTransfer.plusSeconds(1))))
                .then().statusCode(200).body("stored", equalTo(2));

        Thread.sleep(1005);
        transfer(vin, "bob");
        Thread.sleep(5);
        Instant afterTransfer = Instant.now();
        send(List.of(record(vin, 3, afterTransfer))).then().statusCode(200).body("stored", equalTo(1));

        assertEquals(List.of(2, 1), seqsSeenBy("alice", vin), "alice keeps her own period, not bob's");
        assertEquals(List.of(3), seqsSeenBy("bob", vin), "bob sees nothing of alice's period");
        as(Tokens.owner("bob")).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(200)
                .body("lastContact", equalTo(afterTransfer.truncatedTo(ChronoUnit.MICROS).toString()));

        transfer(vin, "alice");
        Thread.sleep(5);
        send(List.of(record(vin, 4, Instant.now()))).then().statusCode(200).body("stored", equalTo(1));
        assertEquals(List.of(4, 2, 1), seqsSeenBy("alice", vin), "alice's two periods, without bob's in between");
        assertEquals(List.of(3), seqsSeenBy("bob", vin));
        as(Tokens.owner("alice")).get("/api/v1/vehicles/" + vin).then().statusCode(200)
                .body("currentOwner", equalTo(true)).body("periods", hasSize(2));
        as(Tokens.owner("bob")).get("/api/v1/vehicles/" + vin).then().statusCode(200)
                .body("currentOwner", equalTo(false)).body("periods", hasSize(1));
    }

    @Test
    void aVehicleSomeoneElseOwnsLooksExactlyLikeOneThatDoesNotExist() {
        String vin = TestVins.next();
        String unregistered = TestVins.next();
        register(vin, "CN", "alice");
        send(List.of(record(vin, 1, Instant.now().plusSeconds(1)))).then().statusCode(200);

        for (String path : List.of("/telemetry", "/latest", "")) {
            String owned = as(Tokens.owner("mallory")).get("/api/v1/vehicles/" + vin + path)
                    .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
            String missing = as(Tokens.owner("mallory")).get("/api/v1/vehicles/" + unregistered + path)
                    .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
            assertEquals(missing.replace(maskedTail(unregistered), ""), owned.replace(maskedTail(vin), ""));
        }
        as(Tokens.owner("mallory")).get("/api/v1/vehicles/NOT-A-VIN/telemetry").then().statusCode(404);
        as(Tokens.owner("mallory")).get("/api/v1/vehicles").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void pagesNewestFirstWithCursorAndFiltersBySignal() {
        String vin = TestVins.next();
        register(vin, "CN", "carol");
        // Ownership begins at registration: only what is recorded from then on is carol's.
        Instant t0 = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        send(List.of(
                record(vin, 1, t0, Map.of("vehicle.speed", 10.0, "battery.soc", 90.0)),
                record(vin, 2, t0.plusSeconds(1), Map.of("vehicle.speed", 20.0)),
                record(vin, 3, t0.plusSeconds(2), Map.of("battery.soc", 88.0, "diagnostics.dtc", "P0A80")),
                record(vin, 4, t0.plusSeconds(3), Map.of("vehicle.speed", 40.0, "battery.soc", 87.0))))
                .then().statusCode(200).body("stored", equalTo(4));

        var first = as(Tokens.owner("carol")).get("/api/v1/vehicles/" + vin + "/telemetry?limit=3")
                .then().statusCode(200).body("records.seq", equalTo(List.of(4, 3, 2)))
                .body("records[0].signals.'vehicle.speed'", equalTo(40.0f))
                .body("records[0].signals.'battery.soc'", equalTo(87.0f))
                .body("records[1].signals.'diagnostics.dtc'", equalTo("P0A80"))
                .extract();
        String cursor = first.path("nextCursor");
        as(Tokens.owner("carol")).get("/api/v1/vehicles/" + vin + "/telemetry?limit=3&cursor=" + cursor)
                .then().statusCode(200).body("records.seq", equalTo(List.of(1)))
                .body("nextCursor", equalTo(null));

        as(Tokens.owner("carol")).get("/api/v1/vehicles/" + vin + "/telemetry?signal=battery.soc")
                .then().statusCode(200).body("records.seq", equalTo(List.of(4, 3, 1)))
                .body("records[1].signals.size()", equalTo(1));
        as(Tokens.owner("carol")).get("/api/v1/vehicles/" + vin + "/telemetry?from=" + t0.plusSeconds(1) + "&to="
                + t0.plusSeconds(3)).then().statusCode(200).body("records.seq", equalTo(List.of(3, 2)));

        as(Tokens.owner("carol")).get("/api/v1/vehicles/" + vin + "/latest").then().statusCode(200)
                .body("signals.find { it.signal == 'vehicle.speed' }.value", equalTo(40.0f))
                .body("signals.find { it.signal == 'diagnostics.dtc' }.value", equalTo("P0A80"))
                .body("signals.find { it.signal == 'battery.soc' }.unit", equalTo("%"));
    }

    @Test
    void refusesBadQueryParametersWithProblem() {
        String vin = TestVins.next();
        register(vin, "CN", "dave");
        String base = "/api/v1/vehicles/" + vin + "/telemetry";
        as(Tokens.owner("dave")).get(base + "?signal=vehicle.warp").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].detail", equalTo("unknown signal 'vehicle.warp'"));
        as(Tokens.owner("dave")).get(base + "?limit=0").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.owner("dave")).get(base + "?limit=100000").then().statusCode(400);
        as(Tokens.owner("dave")).get(base + "?cursor=garbage!").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.owner("dave")).get(base + "?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.owner("dave")).get(base + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").then()
                .statusCode(400);
    }

    private static String maskedTail(String vin) {
        return vin.substring(13);
    }
}
