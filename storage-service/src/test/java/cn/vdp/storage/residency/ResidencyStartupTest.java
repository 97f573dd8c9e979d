package cn.vdp.storage.residency;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Startup refuses a configuration that does not say where the service runs (prod has no default region). */
class ResidencyStartupTest {

    @Test
    void neitherRegionNorNodeStopsTheStart() {
        ResidencyGuard guard = new ResidencyGuard();
        guard.config = config(List.of("cn-north-1"), Optional.empty(), Optional.empty());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> guard.onStart(null));
        assertTrue(refused.getMessage().contains("VDP_REGION"), refused.getMessage());
        assertTrue(guard.status() == null && !guard.allowed(), "never allowed");
    }

    @Test
    void anEmptyAllowedListStopsTheStart() {
        ResidencyGuard guard = new ResidencyGuard();
        guard.config = config(List.of(), Optional.of("cn-north-1"), Optional.empty());
        assertThrows(IllegalStateException.class, () -> guard.onStart(null));
        assertTrue(!guard.allowed());
    }

    static ResidencyConfig config(List<String> allowed, Optional<String> region, Optional<String> node) {
        return new ResidencyConfig() {
            @Override
            public List<String> allowedRegions() {
                return allowed;
            }

            @Override
            public Optional<String> region() {
                return region;
            }

            @Override
            public Optional<String> nodeName() {
                return node;
            }

            @Override
            public String regionLabel() {
                return "topology.kubernetes.io/region";
            }

            @Override
            public Duration recheckInterval() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
