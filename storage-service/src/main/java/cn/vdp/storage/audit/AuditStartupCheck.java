package cn.vdp.storage.audit;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** The audit trail cannot be switched off in production: the switch exists for the benchmark's baseline only. */
@ApplicationScoped
public class AuditStartupCheck {

    private static final Logger LOG = Logger.getLogger(AuditStartupCheck.class);

    @Inject
    AuditConfig config;

    /** First of the startup observers: nothing else starts when this fails. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        refuseDisabledInProd(config.enabled(), ConfigUtils.getProfiles());
        if (!config.enabled()) {
            LOG.warn("storage.audit.enabled=false: NOTHING IS AUDITED (benchmark baseline only; refused under prod)");
        }
    }

    static void refuseDisabledInProd(boolean enabled, List<String> profiles) {
        if (!enabled && profiles.contains("prod")) {
            throw new IllegalStateException("storage.audit.enabled=false is refused under the prod profile: "
                    + "every read of personal data must be audited");
        }
    }
}
