package cn.vdp.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;

/**
 * Renders the chart in {@code k8s/vdp} with the Helm library embedded by helm-java (real Helm: templates, values
 * schema, fail()). Release {@value #RELEASE} in namespace {@value #NAMESPACE}, the names the docs and the plain
 * manifests use.
 */
public final class ChartRenderer {

    public static final String RELEASE = "vdp";
    public static final String NAMESPACE = "vdp";
    /** The Kubernetes version templates are rendered for (the chart needs 1.27 or later). */
    public static final String KUBE_VERSION = "v1.31.0";

    private final Path root;

    public ChartRenderer(Path root) {
        this.root = root;
    }

    /** The repository root: {@code -Dvdp.root}, else the nearest directory upwards holding k8s/vdp/Chart.yaml. */
    public static ChartRenderer locate() {
        String configured = System.getProperty("vdp.root");
        if (configured != null) {
            return new ChartRenderer(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("k8s/vdp/Chart.yaml"))) {
                return new ChartRenderer(dir);
            }
        }
        throw new IllegalStateException("k8s/vdp/Chart.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public Path root() {
        return root;
    }

    public Path chart() {
        return root.resolve("k8s/vdp");
    }

    public Helm helm() {
        return new Helm(chart());
    }

    /** helm template with these values files (in order) and --set pairs; throws with Helm's message on failure. */
    public String render(List<Path> valuesFiles, Map<String, Object> sets) {
        var template = helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    public String renderDefaults() {
        return render(List.of(), Map.of());
    }
}
