package cn.vdp.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * make k8s: writes the plain manifests for kubectl users, rendered from the chart with its default values
 * (release and namespace vdp). {@code ManifestsAreCurrentTest} fails when they differ from the chart.
 */
public final class RenderManifests {

    public static final String FILE = "k8s/manifests/vdp.yaml";

    private RenderManifests() {
    }

    public static String manifests(ChartRenderer chart) {
        return """
                # VDP-CN plain manifests for kubectl, rendered from the Helm chart k8s/vdp with its default values by
                # `make k8s` (release "vdp", namespace "vdp"). Do not edit: change the chart and run make k8s.
                # Before applying, read docs/deploy.md (regions, Secrets, the CloudNativePG operator).
                """ + chart.renderDefaults();
    }

    public static void main(String[] args) throws IOException {
        ChartRenderer chart = ChartRenderer.locate();
        Path file = chart.root().resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, manifests(chart), StandardCharsets.UTF_8);
        System.out.println("wrote " + chart.root().relativize(file));
    }
}
