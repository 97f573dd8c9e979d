package cn.vdp.storage.residency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the last residency check: where this process runs, according to which source, and whether that
 * is an allowed region. The compliance report reads it through {@link ResidencyGuard#status()}.
 *
 * @param region the region found, empty when it could not be determined
 * @param source where the region came from
 * @param node the Kubernetes node, when under Kubernetes
 * @param allowedRegions the configured China regions
 * @param allowed true only when the region was determined and is one of the allowed regions
 * @param reason why serving is not allowed (empty when allowed)
 */
public record ResidencyStatus(Optional<String> region, Source source, Optional<String> node,
        List<String> allowedRegions, boolean allowed, String reason, Instant checkedAt) {

    public enum Source {
        /** The node's region label, read through the Kubernetes API. */
        KUBERNETES_NODE("kubernetes-node"),
        /** VDP_REGION, outside Kubernetes. */
        CONFIGURATION("configuration");

        private final String tag;

        Source(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public ResidencyStatus {
        allowedRegions = List.copyOf(allowedRegions);
    }

    /** A found region: allowed or not, by the list. */
    static ResidencyStatus found(String region, Source source, Optional<String> node, List<String> allowedRegions,
            Instant at) {
        boolean allowed = allowedRegions.contains(region);
        String reason = allowed ? "" : "region " + region + " is not one of the allowed regions " + allowedRegions;
        return new ResidencyStatus(Optional.of(region), source, node, allowedRegions, allowed, reason, at);
    }

    /** No region could be determined: never allowed (fails closed). */
    static ResidencyStatus unknown(String reason, Source source, Optional<String> node, List<String> allowedRegions,
            Instant at) {
        return new ResidencyStatus(Optional.empty(), source, node, allowedRegions, false, reason, at);
    }
}
