package cn.vdp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes one benchmark's section of docs/benchmarks.md, replacing the previous figures of that benchmark and
 * leaving the other sections alone.
 */
final class BenchReport {

    private static final String HEADER = """
            # Benchmarks

            Measured by `make bench` on the machine named in each section. Figures are rewritten on every run;
            each section says the command that produced it. Speed is measured here, never asserted in tests.
            """;

    private BenchReport() {
    }

    static void write(Path root, String id, String title, String body) throws IOException {
        Path file = root.resolve("docs/benchmarks.md");
        String begin = "<!-- bench:" + id + " -->";
        String end = "<!-- /bench:" + id + " -->";
        String section = begin + "\n## " + title + "\n\n_Measured " + LocalDate.now(ZoneOffset.UTC) + " on "
                + MachineInfo.describe() + "._\n\n" + body.strip() + "\n" + end;
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER;
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        String updated = from >= 0 && to > from
                ? current.substring(0, from) + section + current.substring(to + end.length())
                : current.stripTrailing() + "\n\n" + section + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        System.out.println("wrote section '" + title + "' of " + file);
    }
}
