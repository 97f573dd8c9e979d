package cn.vdp.ingest.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.Car.Answer;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.Storage;

/** Ingest started while it cannot get its storage token (as under make run before Keycloak is there). */
@IngestTest
@TestProfile(TokenUnavailableTest.NoTokenEndpoint.class)
class TokenUnavailableTest {

    public static class NoTokenEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc-client.token-path", "protocol/openid-connect/no-such-endpoint");
        }
    }

    @Test
    void startsAndAnswers503WithRetryAfterWhileItCannotGetAToken() throws Exception {
        Car car = Car.registered();

        Answer answer = car.send(car.records(1, 2, Instant.now().minus(1, ChronoUnit.MINUTES)));

        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.isProblem());
        assertNotNull(answer.retryAfter());
        assertEquals(0, Storage.records(car.vin), "nothing stored, nothing acknowledged");
    }
}
