package cn.vdp.fleet;

import java.time.Instant;
import java.util.Random;

/**
 * One simulated car's life, one record per tick: parked (locked, slowly cooling), driving trips through a Chinese
 * city (speed, pedals, steering, position and heading, odometer, battery draining) and charging when low.
 * Values stay inside the signal catalogue's bounds. Sequence numbers start at the epoch millisecond of the car's
 * first record in this run, so that a later run of the same car continues above an earlier one.
 */
final class SimulatedCar {

    private static final double[][] CITIES = { { 31.2304, 121.4737 }, { 39.9042, 116.4074 }, { 22.5431, 114.0579 },
            { 30.5728, 104.0668 }, { 30.2741, 120.1551 }, { 23.1291, 113.2644 } };

    enum State { PARKED, DRIVING, CHARGING }

    final String vin;
    private final Random random;
    private long seq;
    private State state = State.PARKED;
    private int ticksLeft;
    private double soc;
    private double odometer;
    private double speed;
    private double latitude;
    private double longitude;
    private double heading;
    private double cabinTemperature = 22;

    SimulatedCar(String vin, long seed, long firstSeq) {
        this.vin = vin;
        this.random = new Random(seed);
        this.seq = firstSeq;
        double[] city = CITIES[random.nextInt(CITIES.length)];
        this.latitude = city[0] + (random.nextDouble() - 0.5) * 0.2;
        this.longitude = city[1] + (random.nextDouble() - 0.5) * 0.2;
        this.soc = 30 + random.nextDouble() * 65;
        this.odometer = 1000 + random.nextDouble() * 80_000;
        this.heading = random.nextDouble() * 360;
        this.ticksLeft = random.nextInt(30);
    }

    State state() {
        return state;
    }

    /** The next record as JSON, taken one second of driving after the previous one. */
    String next(Instant at) {
        step();
        StringBuilder json = new StringBuilder(420).append("{\"vin\":\"").append(vin).append("\",\"seq\":")
                .append(seq++).append(",\"recordedAt\":\"").append(at).append("\",\"signals\":{");
        number(json, "vehicle.speed", speed, true);
        number(json, "vehicle.odometer", odometer, false);
        text(json, "vehicle.gear", state == State.DRIVING ? (speed > 0.5 ? "D" : "N") : "P");
        flag(json, "vehicle.ignition", state == State.DRIVING);
        flag(json, "vehicle.locked", state != State.DRIVING);
        number(json, "vehicle.cabin_temperature", cabinTemperature, false);
        number(json, "battery.soc", soc, false);
        number(json, "battery.voltage", 360 + soc * 0.4, false);
        number(json, "battery.range", soc * 4.5, false);
        switch (state) {
            case DRIVING -> {
                number(json, "battery.current", -20 - speed * 1.5, false);
                number(json, "location.latitude", latitude, false);
                number(json, "location.longitude", longitude, false);
                number(json, "location.heading", heading, false);
                number(json, "driving.accelerator_pedal", Math.min(100, speed * 0.4 + random.nextDouble() * 10), false);
                number(json, "driving.brake_pedal", random.nextDouble() < 0.15 ? random.nextDouble() * 60 : 0, false);
                number(json, "driving.steering_angle", (random.nextDouble() - 0.5) * 40, false);
            }
            case CHARGING -> {
                text(json, "charging.state", "charging");
                number(json, "charging.power", 40 + random.nextDouble() * 20, false);
                number(json, "battery.current", 100 + random.nextDouble() * 20, false);
            }
            case PARKED -> {
                text(json, "charging.state", soc >= 90 ? "complete" : "idle");
                if (random.nextInt(20) == 0) {
                    number(json, "diagnostics.tire_pressure_fl", 240 + random.nextDouble() * 10, false);
                    number(json, "diagnostics.aux_battery_voltage", 12.4 + random.nextDouble() * 0.4, false);
                }
            }
        }
        json.setLength(json.length() - 1); // the last comma
        return json.append("}}").toString();
    }

    private void step() {
        if (--ticksLeft <= 0) {
            switchState();
        }
        switch (state) {
            case DRIVING -> {
                double target = 30 + 60 * Math.abs(Math.sin(ticksLeft / 90.0));
                speed = Math.max(0, Math.min(130, speed + (target - speed) * 0.1 + (random.nextDouble() - 0.5) * 4));
                double km = speed / 3600;
                odometer += km;
                soc = Math.max(5, soc - km * 1.2); // time runs fast in a simulation: batteries too
                heading = (heading + (random.nextDouble() - 0.5) * 8 + 360) % 360;
                latitude += km / 111 * Math.cos(Math.toRadians(heading));
                longitude += km / (111 * Math.cos(Math.toRadians(latitude))) * Math.sin(Math.toRadians(heading));
                cabinTemperature += (21 - cabinTemperature) * 0.05;
            }
            case CHARGING -> soc = Math.min(100, soc + 0.1);
            case PARKED -> {
                speed = 0;
                cabinTemperature += (18 - cabinTemperature) * 0.01;
            }
        }
    }

    private void switchState() {
        if (state == State.DRIVING) {
            state = soc < 40 ? State.CHARGING : State.PARKED;
        } else if (state == State.CHARGING && soc < 90) {
            ticksLeft = 60;
            return;
        } else {
            state = State.DRIVING;
        }
        speed = 0;
        ticksLeft = switch (state) {
            case DRIVING -> 300 + random.nextInt(1200);
            case CHARGING -> 600;
            case PARKED -> 60 + random.nextInt(600);
        };
    }

    private static void number(StringBuilder json, String name, double value, boolean oneDecimal) {
        double scale = oneDecimal ? 10 : 1_000_000;
        json.append('"').append(name).append("\":").append(Math.round(value * scale) / scale).append(',');
    }

    private static void text(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"").append(value).append("\",");
    }

    private static void flag(StringBuilder json, String name, boolean value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }
}
