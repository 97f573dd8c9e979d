package cn.vdp.storage.residency;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Reads this pod's node through the Kubernetes API (the service account may only {@code get} nodes). The client is
 * created only when first needed, so nothing touches an API server outside Kubernetes.
 */
@ApplicationScoped
public class NodeRegionReader {

    @Inject
    Instance<KubernetesClient> kubernetes;

    /** The outcome of reading the node: its region label, or why there is none. */
    public sealed interface Result {
        record Region(String value) implements Result {
        }

        record Unknown(String reason) implements Result {
        }
    }

    public Result region(String nodeName, String label) {
        Node node;
        try {
            node = kubernetes.get().nodes().withName(nodeName).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401 || e.getCode() == 403) {
                return new Result.Unknown("the Kubernetes API refused to read node " + nodeName + " (HTTP "
                        + e.getCode() + "); the service account needs get on nodes");
            }
            return new Result.Unknown("the Kubernetes API could not be read"
                    + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "") + ": " + rootMessage(e));
        } catch (RuntimeException e) {
            return new Result.Unknown("the Kubernetes API could not be read: " + rootMessage(e));
        }
        if (node == null) {
            return new Result.Unknown("node " + nodeName + " does not exist");
        }
        Map<String, String> labels = node.getMetadata().getLabels();
        return Optional.ofNullable(labels == null ? null : labels.get(label))
                .filter(region -> !region.isBlank())
                .<Result>map(Result.Region::new)
                .orElseGet(() -> new Result.Unknown("node " + nodeName + " has no label " + label));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
