package cn.vdp.bench;

import java.net.http.HttpResponse;

/** The service's own time of a request, from its W3C Server-Timing header ("query;dur=1.234", milliseconds). */
final class ServerTiming {

    private ServerTiming() {
    }

    static long nanos(HttpResponse<?> response) {
        String timing = response.headers().firstValue("Server-Timing").orElseThrow();
        return (long) (Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1e6);
    }
}
