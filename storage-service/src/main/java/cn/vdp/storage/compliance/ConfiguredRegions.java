package cn.vdp.storage.compliance;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.DefaultBean;

/**
 * Interim: the regions as configured (ENV_CONTRACT: VDP_ALLOWED_REGIONS, VDP_REGION), until the residency guard
 * (cn.vdp.storage.residency, branch k8s) is merged and provides them, including the node's own label.
 */
@ApplicationScoped
@DefaultBean
public class ConfiguredRegions implements StorageRegions {

    @Override
    public List<String> allowed() {
        return ConfigProvider.getConfig().getOptionalValue("VDP_ALLOWED_REGIONS", String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    public String current() {
        return ConfigProvider.getConfig().getOptionalValue("VDP_REGION", String.class).orElse(null);
    }

    @Override
    public String source() {
        return "configuration (VDP_ALLOWED_REGIONS, VDP_REGION)";
    }
}
