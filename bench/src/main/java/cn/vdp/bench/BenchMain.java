package cn.vdp.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * make bench. Runs every benchmark (or the ones named as arguments) and writes each one's figures to
 * docs/benchmarks.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("vdp.root", ".")).toAbsolutePath().normalize();
        List<String> selected = List.of(args);
        if (selected.isEmpty() || selected.contains("storage-write")) {
            new StorageWriteBench(root).run();
        }
        if (selected.isEmpty() || selected.contains("audit-read")) {
            new AuditReadBench(root).run();
        }
        if (selected.isEmpty() || selected.contains("ingest-e2e")) {
            new IngestEndToEndBench(root).run();
        }
        if (selected.isEmpty() || selected.contains("export-query")) {
            new ExportQueryBench(root).run();
        }
        System.exit(0);
    }
}
