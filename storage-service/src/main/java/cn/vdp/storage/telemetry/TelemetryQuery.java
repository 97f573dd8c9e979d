package cn.vdp.storage.telemetry;

import java.time.Instant;
import java.util.List;

/** What an owner asks for: a time range, optionally some signals, a page size and where the last page ended. */
public record TelemetryQuery(Instant from, Instant to, List<String> signals, Integer limit, String cursor) {
}
