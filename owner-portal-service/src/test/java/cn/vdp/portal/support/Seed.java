package cn.vdp.portal.support;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import cn.vdp.common.vin.Vin;

/** Puts data into the real storage-service the way operators, ingest and owners do: through its API. */
public final class Seed {

    private static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A drive around Shanghai's People's Square. */
    private static final double LATITUDE = 31.2304;
    private static final double LONGITUDE = 121.4737;

    private Seed() {
    }

    /** A fresh valid VIN, so that tests sharing one database never see each other's vehicles. */
    public static String newVin() {
        StringBuilder candidate = new StringBuilder("LRW");
        while (candidate.length() < Vin.LENGTH) {
            candidate.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return Vin.withCheckDigit(candidate.toString());
    }

    /** Registers a mainland-China vehicle of this owner; returns its VIN. */
    public static String vehicle(String owner, String model) {
        String vin = newVin();
        storage(Tokens.operator()).body(Map.of("vin", vin, "market", "CN", "model", model, "ownerSubject", owner))
                .post("/api/v1/vehicles").then().statusCode(201);
        return vin;
    }

    /**
     * Hands the car to a new owner from now on. Records a test just sent may lie milliseconds ahead of the clock; a
     * short pause keeps all of them inside the previous owner's period.
     */
    public static void transfer(String vin, String newOwner) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storage(Tokens.operator()).body(Map.of("newOwnerSubject", newOwner))
                .post("/api/v1/vehicles/" + vin + "/transfers").then().statusCode(200);
    }

    /**
     * Sends {@code count} records a {@code step} apart from {@code first}: speed, odometer and battery, and the
     * car's position on a small loop when {@code withLocation}. An owner sees only what was recorded during their
     * ownership, which begins when the car is registered or transferred: {@code first} is then or later (cars may
     * run up to five minutes ahead of the platform's clock).
     */
    public static void drive(String vin, long firstSeq, int count, Instant first, Duration step, boolean withLocation) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> signals = new LinkedHashMap<>();
            signals.put("vehicle.speed", 30.0 + (i * 7) % 60);
            signals.put("vehicle.odometer", 12_000.0 + i * 0.4);
            signals.put("battery.soc", 90.0 - i * 0.25);
            signals.put("vehicle.gear", "D");
            if (withLocation) {
                double angle = 2 * Math.PI * i / count;
                signals.put("location.latitude", LATITUDE + 0.01 * Math.sin(angle));
                signals.put("location.longitude", LONGITUDE + 0.015 * Math.cos(angle));
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("vin", vin);
            record.put("seq", firstSeq + i);
            record.put("recordedAt", first.plus(step.multipliedBy(i)).toString());
            record.put("signals", signals);
            records.add(record);
        }
        storage(Tokens.ingest()).body(Map.of("records", records)).post("/api/v1/telemetry/batches")
                .then().statusCode(200);
    }

    public static RequestSpecification storage(String token) {
        String url = ConfigProvider.getConfig().getValue(Platform.STORAGE_URL, String.class);
        return given().baseUri(url).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
