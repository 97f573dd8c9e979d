package cn.vdp.storage.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls storage-service's API the way ingest, operators and owners do. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static void register(String vin, String market, String owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", vin);
        body.put("market", market);
        body.put("model", "Model Y");
        if (owner != null) {
            body.put("ownerSubject", owner);
        }
        as(Tokens.operator()).body(body).post("/api/v1/vehicles").then().statusCode(201);
    }

    public static void transfer(String vin, String newOwner) {
        as(Tokens.operator()).body(Map.of("newOwnerSubject", newOwner))
                .post("/api/v1/vehicles/" + vin + "/transfers").then().statusCode(200);
    }

    public static Response send(List<Map<String, Object>> records) {
        return as(Tokens.ingest()).body(Map.of("records", records)).post("/api/v1/telemetry/batches");
    }

    /** A record with one vehicle-state and one battery signal (two rows in the database). */
    public static Map<String, Object> record(String vin, long seq, Instant at) {
        return record(vin, seq, at, Map.of("vehicle.speed", 40.0 + seq % 50, "battery.soc", 80.5));
    }

    public static Map<String, Object> record(String vin, long seq, Instant at, Map<String, Object> signals) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("vin", vin);
        record.put("seq", seq);
        record.put("recordedAt", at.toString());
        record.put("signals", signals);
        return record;
    }

    public static List<Map<String, Object>> records(String vin, long firstSeq, int count, Instant firstAt) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(vin, firstSeq + i, firstAt.plusSeconds(i)));
        }
        return records;
    }
}
