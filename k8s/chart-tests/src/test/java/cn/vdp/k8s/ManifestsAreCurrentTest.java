package cn.vdp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

class ManifestsAreCurrentTest {

    @Test
    void plainManifestsMatchTheChart() throws IOException {
        String committed = Files.readString(Rendered.CHART.root().resolve(RenderManifests.FILE));
        assertEquals(RenderManifests.manifests(Rendered.CHART), committed,
                RenderManifests.FILE + " is out of date: run make k8s and commit it");
    }
}
