package cn.vdp.ingest.support;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/** Reads ingest's Prometheus metrics from the management port. */
public final class Metrics {

    private Metrics() {
    }

    public static String scrape() {
        String root = TestHTTPResourceManager.getManagementUri();
        return given().get(root + (root.endsWith("/q") ? "" : "/q") + "/metrics").then().statusCode(200)
                .extract().asString();
    }

    /** The value of a sample with these labels (name, then label pairs), or 0 when it is absent. */
    public static double value(String name, String... labels) {
        double total = 0;
        for (String line : scrape().split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                matches &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (matches) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
