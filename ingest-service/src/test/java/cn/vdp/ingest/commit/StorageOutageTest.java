package cn.vdp.ingest.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.Car.Answer;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.IngestTestResources;
import cn.vdp.ingest.support.Storage;
import cn.vdp.ingest.support.StorageProcess;

@IngestTest
class StorageOutageTest {

    private final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    private final StorageProcess storage = IngestTestResources.storage();

    @AfterEach
    void storageRunsAgain() throws Exception {
        storage.thaw();
        storage.start();
    }

    @Test
    void answers503WhileStorageIsDownAndStoresTheResentBatchExactlyOnce() throws Exception {
        Car car = Car.registered();
        List<Map<String, Object>> batch = car.records(1, 3, start);

        storage.stop();
        Answer refused = car.send(batch);

        assertUnavailable(refused);
        storage.start();
        assertEquals(0, Storage.records(car.vin), "nothing was acknowledged, and nothing stored");

        Answer resent = resendUntilAccepted(car, batch);
        assertEquals(List.of("STORED", "STORED", "STORED"), resent.statuses());
        assertEquals(List.of("DUPLICATE", "DUPLICATE", "DUPLICATE"), car.send(batch).statuses());
        assertEquals(3, Storage.records(car.vin), "stored exactly once");
    }

    @Test
    void answers503WhenStorageHangsAndTheResentBatchIsStoredOnce() throws Exception {
        Car car = Car.registered();
        List<Map<String, Object>> batch = car.records(1, 3, start);

        storage.freeze();
        Answer refused = car.send(batch);
        storage.thaw();

        assertUnavailable(refused);
        Answer resent = resendUntilAccepted(car, batch);
        // The frozen storage may have committed the first delivery after it woke up: then the resend is DUPLICATE.
        assertTrue(resent.statuses().stream().allMatch(s -> s.equals("STORED") || s.equals("DUPLICATE")),
                resent.body());
        assertEquals(3, Storage.records(car.vin), "stored exactly once");
    }

    private static void assertUnavailable(Answer answer) {
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.isProblem(), answer.contentType());
        assertNotNull(answer.retryAfter(), "Retry-After tells the car when to send again");
        assertTrue(Integer.parseInt(answer.retryAfter()) >= 1);
    }

    /** What a car does: keep the batch and send it again after Retry-After. */
    private static Answer resendUntilAccepted(Car car, List<Map<String, Object>> batch) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Answer answer = car.send(batch);
            if (answer.status() != 503 || System.nanoTime() > deadline) {
                assertEquals(200, answer.status(), answer.body());
                return answer;
            }
            Thread.sleep(Long.parseLong(answer.retryAfter()) * 1000);
        }
    }
}
