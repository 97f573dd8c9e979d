package cn.vdp.storage.health;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import cn.vdp.storage.telemetry.TelemetryPartitions;

/** Not ready while records of today or tomorrow would have no partition to go to. */
@Readiness
public class TelemetryPartitionsReadiness implements HealthCheck {

    @Inject
    TelemetryPartitions partitions;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("telemetry-partitions").status(partitions.ready()).build();
    }
}
