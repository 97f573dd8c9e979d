package cn.vdp.common.signal;

import static cn.vdp.common.signal.Category.BATTERY;
import static cn.vdp.common.signal.Category.CABIN_MEDIA;
import static cn.vdp.common.signal.Category.DIAGNOSTICS;
import static cn.vdp.common.signal.Category.DRIVING;
import static cn.vdp.common.signal.Category.LOCATION;
import static cn.vdp.common.signal.Category.VEHICLE_STATE;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every signal a car may send, in one place. Ingest drops and rounds by it, storage validates and files rows by
 * its categories, the portal labels charts and the privacy notice with it.
 */
public final class SignalCatalogue {

    public static final String LATITUDE = "location.latitude";
    public static final String LONGITUDE = "location.longitude";

    private static final Map<String, Signal> SIGNALS = index(List.of(
            Signal.number("vehicle.speed", "km/h", VEHICLE_STATE, 0, 400),
            Signal.number("vehicle.odometer", "km", VEHICLE_STATE, 0, 5_000_000),
            Signal.oneOf("vehicle.gear", VEHICLE_STATE, "P", "R", "N", "D"),
            Signal.flag("vehicle.ignition", VEHICLE_STATE),
            Signal.flag("vehicle.locked", VEHICLE_STATE),
            Signal.number("vehicle.outside_temperature", "°C", VEHICLE_STATE, -60, 70),
            Signal.number("vehicle.cabin_temperature", "°C", VEHICLE_STATE, -60, 90),

            Signal.number("battery.soc", "%", BATTERY, 0, 100),
            Signal.number("battery.voltage", "V", BATTERY, 0, 1500),
            Signal.number("battery.current", "A", BATTERY, -2000, 2000),
            Signal.number("battery.temperature", "°C", BATTERY, -60, 120),
            Signal.number("battery.range", "km", BATTERY, 0, 2000),
            Signal.oneOf("charging.state", BATTERY, "idle", "charging", "complete", "fault"),
            Signal.number("charging.power", "kW", BATTERY, 0, 1000),

            Signal.number(LATITUDE, "°", LOCATION, -90, 90),
            Signal.number(LONGITUDE, "°", LOCATION, -180, 180),
            Signal.number("location.heading", "°", LOCATION, 0, 360),
            Signal.number("location.altitude", "m", LOCATION, -500, 9000),

            Signal.number("driving.acceleration", "m/s²", DRIVING, -50, 50),
            Signal.number("driving.accelerator_pedal", "%", DRIVING, 0, 100),
            Signal.number("driving.brake_pedal", "%", DRIVING, 0, 100),
            Signal.number("driving.steering_angle", "°", DRIVING, -1080, 1080),
            Signal.flag("driving.assist_active", DRIVING),

            Signal.integer("cabin.occupants", "persons", CABIN_MEDIA, 0, 9),
            // A cabin camera frame travels as base64 JPEG; 256 KiB of text bounds one frame.
            Signal.text("cabin.camera_frame", CABIN_MEDIA, "[A-Za-z0-9+/=]+", 262_144),

            Signal.text("diagnostics.dtc", DIAGNOSTICS, "[PCBU][0-9A-F]{4}", 5),
            Signal.number("diagnostics.tire_pressure_fl", "kPa", DIAGNOSTICS, 0, 1000),
            Signal.number("diagnostics.tire_pressure_fr", "kPa", DIAGNOSTICS, 0, 1000),
            Signal.number("diagnostics.tire_pressure_rl", "kPa", DIAGNOSTICS, 0, 1000),
            Signal.number("diagnostics.tire_pressure_rr", "kPa", DIAGNOSTICS, 0, 1000),
            Signal.number("diagnostics.aux_battery_voltage", "V", DIAGNOSTICS, 0, 30)));

    private SignalCatalogue() {
    }

    public static Optional<Signal> find(String name) {
        return Optional.ofNullable(SIGNALS.get(name));
    }

    public static Collection<Signal> all() {
        return SIGNALS.values();
    }

    public static List<Signal> inCategory(Category category) {
        return SIGNALS.values().stream().filter(s -> s.category() == category).toList();
    }

    private static Map<String, Signal> index(List<Signal> signals) {
        Map<String, Signal> byName = new LinkedHashMap<>();
        for (Signal signal : signals) {
            if (byName.put(signal.name(), signal) != null) {
                throw new IllegalStateException("signal listed twice: " + signal.name());
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
