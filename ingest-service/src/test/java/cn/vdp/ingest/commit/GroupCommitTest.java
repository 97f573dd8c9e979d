package cn.vdp.ingest.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.vdp.ingest.support.Car;
import cn.vdp.ingest.support.Car.Answer;
import cn.vdp.ingest.support.IngestTest;
import cn.vdp.ingest.support.Metrics;
import cn.vdp.ingest.support.Storage;

@IngestTest
class GroupCommitTest {

    private static final int CARS = 16;
    private final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void mergesRequestsOfManyCarsIntoFewerStorageCallsAndAnswersEachCarItsOwnRecords() throws Exception {
        List<Car> cars = new ArrayList<>();
        for (int i = 0; i < CARS; i++) {
            Car car = Car.registered();
            assertEquals(200, car.sendUntilAnswered(car.records(1, 1, start)).status(), "connected and warmed up");
            cars.add(car);
        }
        double callsBefore = Metrics.value("ingest_storage_batch_records_count");
        double waitsBefore = Metrics.value("ingest_group_wait_seconds_count");

        CyclicBarrier together = new CyclicBarrier(CARS);
        ExecutorService pool = Executors.newFixedThreadPool(CARS);
        List<Future<Answer>> answers = new ArrayList<>();
        for (Car car : cars) {
            answers.add(pool.submit(() -> {
                together.await();
                return car.send(car.records(2, 5, start.plusSeconds(1)));
            }));
        }
        for (int i = 0; i < CARS; i++) {
            Answer answer = answers.get(i).get();
            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of("STORED", "STORED", "STORED", "STORED", "STORED"), answer.statuses());
            assertTrue(answer.body().contains(cars.get(i).vin), "each car is answered about its own records");
            assertEquals(6, Storage.records(cars.get(i).vin));
        }
        pool.shutdown();
        double calls = Metrics.value("ingest_storage_batch_records_count") - callsBefore;
        assertTrue(calls < CARS, CARS + " requests arriving together took " + calls + " storage calls");
        assertEquals(calls, Metrics.value("ingest_group_wait_seconds_count") - waitsBefore,
                "each storage call records how long its group's oldest request waited");
    }
}
