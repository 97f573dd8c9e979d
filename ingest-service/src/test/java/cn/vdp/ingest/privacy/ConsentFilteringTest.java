package cn.vdp.ingest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.Car.Answer;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.Metrics;
import cn.vdp.ingest.support.Storage;

@IngestTest
class ConsentFilteringTest {

    @Inject
    PrivacyConfig privacy;

    private final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    private static Map<String, Object> drivingAround(double speed) {
        return Map.of("vehicle.speed", speed, "location.latitude", 31.2304567, "location.longitude", 121.4737321,
                "driving.brake_pedal", 12.5);
    }

    @Test
    void dropsSensitiveSignalsWithoutConsentAndStoresTheRest() throws Exception {
        Car car = Car.registered();
        double locationDropsBefore = Metrics.value("ingest_signals_dropped_total", "category", "location");
        double drivingDropsBefore = Metrics.value("ingest_signals_dropped_total", "category", "driving");

        Answer answer = car.send(List.of(car.record(1, start, drivingAround(50.0))));

        assertEquals(List.of("STORED"), answer.statuses(), answer.body());
        assertEquals(1, Storage.rows(car.vin, "vehicle_state"));
        assertEquals(0, Storage.rows(car.vin, "location"), "no consent: no location");
        assertEquals(0, Storage.rows(car.vin, "driving"), "no consent: no driving behaviour");
        assertEquals(locationDropsBefore + 2, Metrics.value("ingest_signals_dropped_total", "category", "location"));
        assertEquals(drivingDropsBefore + 1, Metrics.value("ingest_signals_dropped_total", "category", "driving"));
    }

    @Test
    void storesRoundedCoordinatesWhileLocationConsentIsLive() throws Exception {
        Car car = Car.registered();
        Storage.grantConsent(car.vin, car.owner(), "location", Instant.now().plus(Duration.ofDays(30)));

        Answer answer = car.send(List.of(car.record(1, start, drivingAround(50.0))));

        assertEquals(List.of("STORED"), answer.statuses(), answer.body());
        String location = Storage.signals(car.vin, 1, "location");
        assertTrue(location.contains("31.2305") && location.contains("121.4737"), location);
        assertTrue(!location.contains("31.230456") && !location.contains("121.473732"), "precision beyond 4 decimals left ingest: " + location);
        assertEquals(0, Storage.rows(car.vin, "driving"), "consent for location only");
    }

    @Test
    void dropsLocationTheMomentConsentExpiresAlthoughItIsStillCached() throws Exception {
        Car car = Car.registered();
        Instant expiry = Instant.now().plusSeconds(3);
        Storage.grantConsent(car.vin, car.owner(), "location", expiry);
        car.send(List.of(car.record(1, start, drivingAround(40.0))));
        assertEquals(1, Storage.rows(car.vin, "location"), "stored while the consent was live");

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 200);
        Answer answer = car.send(List.of(car.record(2, start.plusSeconds(1), drivingAround(41.0))));

        assertEquals(List.of("STORED"), answer.statuses(), answer.body());
        assertEquals(1, Storage.rows(car.vin, "location"), "consent expired a moment ago: nothing more collected");
        assertEquals(2, Storage.rows(car.vin, "vehicle_state"));
    }

    @Test
    void aConsentGivenWhileTheCarIsCachedIsHonouredBeforeTheCachedEntryEnds() throws Exception {
        Duration cacheTtl = privacy.consent().cacheTtl();
        Car car = Car.registered();
        Instant firstLookup = Instant.now(); // the cached "no consent" lives at least cacheTtl from here
        car.send(List.of(car.record(1, start, drivingAround(40.0))));
        Storage.grantConsent(car.vin, car.owner(), "location", Instant.now().plus(Duration.ofDays(30)));

        car.send(List.of(car.record(2, start.plusSeconds(1), drivingAround(41.0))));
        assertEquals(0, Storage.rows(car.vin, "location"), "the cached answer still serves");

        // A car that keeps sending gets its entry refreshed in the background before it ends (after two thirds of
        // its life), so the new consent applies before the old entry would have expired.
        long seq = 3;
        while (Storage.rows(car.vin, "location") == 0 && Instant.now().isBefore(firstLookup.plus(cacheTtl))) {
            car.send(List.of(car.record(seq, start.plusSeconds(seq), drivingAround(42.0))));
            seq++;
            Thread.sleep(250);
        }
        assertTrue(Storage.rows(car.vin, "location") > 0,
                "location collected again before the cached entry ended, i.e. through the background refresh");
    }

    @Test
    void answersStoredForARecordOfOnlyDroppedSignalsAndStoresNothingOfIt() throws Exception {
        Car car = Car.registered();

        Answer answer = car.send(List.of(car.record(1, start, Map.of("location.latitude", 31.23,
                "location.longitude", 121.47))));

        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of("STORED"), answer.statuses(), "nothing left to keep; the car must not resend it");
        assertEquals(0, Storage.records(car.vin));
    }
}
