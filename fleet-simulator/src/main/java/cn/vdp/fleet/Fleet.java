package cn.vdp.fleet;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import cn.vdp.devcerts.CertificateFolder;

/**
 * A fleet of simulated cars streaming to ingest-service, each over its own mutual-TLS connection with its own
 * certificate. Cars are spread over a few Vert.x event loops; each loop ticks every 10 ms, creates the records
 * owed at the current rate and lets its cars send.
 */
public final class Fleet implements AutoCloseable {

    private static final long TICK_MS = 10;
    private static final Duration RAMP_UP = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final FleetOptions options;
    private final FleetStats stats = new FleetStats();
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean generating = true;

    public Fleet(FleetOptions options) throws IOException {
        this.options = options;
        CertificateFolder folder = new CertificateFolder(options.certificates());
        List<String> vins = folder.cars();
        if (vins.size() < options.cars()) {
            throw new IllegalArgumentException("need certificates of " + options.cars() + " cars in "
                    + options.certificates() + "/cars, found " + vins.size());
        }
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops()));
        for (int l = 0; l < options.eventLoops(); l++) {
            lanes.add(new Lane(vertx.getOrCreateContext()));
        }
        long firstSeq = System.currentTimeMillis();
        for (int i = 0; i < options.cars(); i++) {
            Lane lane = lanes.get(i % lanes.size());
            SimulatedCar car = new SimulatedCar(vins.get(i), vins.get(i).hashCode(), firstSeq);
            lane.cars.add(new CarSender(vertx, car, folder, options, stats));
        }
    }

    /** VINs of the cars taking part. */
    public List<String> vins() {
        List<String> vins = new ArrayList<>();
        lanes.forEach(l -> vins.addAll(CarSender.vinsOf(l.cars)));
        return vins;
    }

    /** Starts the cars one after the other over {@link #RAMP_UP}: a fleet's connections never all open at once. */
    public void start() {
        long now = System.nanoTime();
        int i = 0;
        for (Lane lane : lanes) {
            for (CarSender car : lane.cars) {
                car.startAt(now + RAMP_UP.toNanos() * i++ / options.cars());
            }
        }
        lanes.forEach(Lane::start);
    }

    /** Records per second of the whole fleet from now on; 0 or less: as fast as acknowledged. */
    public void rate(double recordsPerSecond) {
        lanes.forEach(l -> l.context.runOnContext(v -> l.rate(recordsPerSecond)));
    }

    public FleetStats stats() {
        return stats;
    }

    /** Stops making records and waits until every car's outbox is acknowledged, or the timeout passed. */
    public boolean drain(Duration timeout) throws InterruptedException {
        generating = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stats.pending.get() == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        lanes.forEach(l -> l.context.runOnContext(v -> l.cars.forEach(CarSender::close)));
        vertx.close().onComplete(r -> closed.countDown());
        closed.await(10, TimeUnit.SECONDS);
    }

    /** The cars of one event loop, ticked by a timer on that loop. */
    private final class Lane {
        final Context context;
        final List<CarSender> cars = new ArrayList<>();
        private long clockStart;
        private long created;
        private int next;
        /** This lane's share of the fleet's rate; only touched on the lane's own event loop. */
        private double rate;

        Lane(Context context) {
            this.context = context;
        }

        void start() {
            context.runOnContext(v -> {
                rate(options.recordsPerSecond());
                vertx.setPeriodic(TICK_MS, id -> tick());
            });
        }

        /** A new rate counts from now, so that a change never owes records for the time before it. */
        void rate(double fleetRate) {
            rate = fleetRate / lanes.size();
            clockStart = System.nanoTime();
            created = 0;
            // Spread the cars' send rhythms evenly over one interval again: as fast as acknowledged, cars answered
            // together send together, and they would keep that rhythm at the new rate.
            int lane = lanes.indexOf(this);
            long interval = options.sendInterval().toNanos();
            for (int i = 0; i < cars.size(); i++) {
                double share = (i + lane / (double) lanes.size()) / cars.size();
                cars.get(i).rhythmFrom(clockStart + (long) (interval * share));
            }
        }

        private void tick() {
            long now = System.nanoTime();
            boolean unlimited = rate <= 0;
            if (generating && !unlimited) {
                double owed = rate * ((now - clockStart) / 1e9) - created;
                Instant at = Instant.now();
                while (owed >= 1 && !cars.isEmpty()) {
                    cars.get(next).generate(1, at);
                    next = (next + 1) % cars.size();
                    created++;
                    owed--;
                }
            }
            for (CarSender car : cars) {
                car.maybeSend(now, generating && unlimited);
            }
        }
    }
}
