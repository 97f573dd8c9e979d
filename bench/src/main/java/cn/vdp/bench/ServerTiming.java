package cn.vdp.bench;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * The service's own time of a request, from its W3C Server-Timing header ("query;dur=1.234, access;dur=0.5",
 * milliseconds): the total ("query", always first) or one named part.
 */
final class ServerTiming {

    /** The parts of a telemetry read after its total: ownership check, rows, wait for the audit event. */
    static final List<String> READ_PARTS = List.of("access", "rows", "audit");

    private ServerTiming() {
    }

    static long nanos(HttpResponse<?> response) {
        return nanos(response, "query");
    }

    static long nanos(HttpResponse<?> response, String part) {
        String timing = response.headers().firstValue("Server-Timing").orElseThrow();
        for (String entry : timing.split(",")) {
            String[] fields = entry.trim().split(";");
            if (fields[0].equals(part) && fields.length > 1 && fields[1].startsWith("dur=")) {
                return (long) (Double.parseDouble(fields[1].substring(4)) * 1e6);
            }
        }
        throw new IllegalStateException("no " + part + " in Server-Timing: " + timing);
    }
}
