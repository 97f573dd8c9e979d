package cn.vdp.storage.residency;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready (so no Service sends it traffic) unless it runs in an allowed region. */
@Readiness
public class ResidencyReadiness implements HealthCheck {

    @Inject
    ResidencyGuard guard;

    @Override
    public HealthCheckResponse call() {
        ResidencyStatus status = guard.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("residency");
        if (status == null) {
            return response.down().withData("reason", "not checked yet").build();
        }
        response.status(status.allowed())
                .withData("region", status.region().orElse("unknown"))
                .withData("source", status.source().tag())
                .withData("allowedRegions", String.join(",", status.allowedRegions()));
        status.node().ifPresent(node -> response.withData("node", node));
        if (!status.allowed()) {
            response.withData("reason", status.reason());
        }
        return response.build();
    }
}
