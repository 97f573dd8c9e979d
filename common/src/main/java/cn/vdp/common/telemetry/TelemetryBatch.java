package cn.vdp.common.telemetry;

import java.util.List;

/** Records of one or many cars sent together. */
public record TelemetryBatch(List<TelemetryRecord> records) {
}
