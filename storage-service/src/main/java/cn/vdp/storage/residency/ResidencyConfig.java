package cn.vdp.storage.residency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where storage-service may serve from (DESIGN.md, Residency). */
@ConfigMapping(prefix = "storage.residency")
public interface ResidencyConfig {

    /** The China regions this service may run in (VDP_ALLOWED_REGIONS, comma-separated). No default: prod must say. */
    List<String> allowedRegions();

    /** The region, when not under Kubernetes (VDP_REGION). Ignored when {@link #nodeName()} is set. */
    Optional<String> region();

    /** This pod's node (NODE_NAME, from the downward API). When set, the region is read from the node's label. */
    Optional<String> nodeName();

    /** The node label holding the region. */
    @WithDefault("topology.kubernetes.io/region")
    String regionLabel();

    /** How often a check that did not allow serving is tried again (a passing API outage heals itself). */
    @WithDefault("30s")
    Duration recheckInterval();
}
