package cn.vdp.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Registers cars through storage-service's operator API ({@code POST /api/v1/vehicles}) with a bearer token. */
public final class OperatorApiRegistry implements CarRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI vehicles;
    private final Supplier<String> token;

    /** @param api base URL of the operator API, e.g. http://localhost:8082 */
    public OperatorApiRegistry(URI api, Supplier<String> token) {
        this.vehicles = api.resolve("/api/v1/vehicles");
        this.token = token;
    }

    @Override
    public void register(String vin, String ownerSubject) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vin", vin);
        body.put("market", "CN");
        body.put("model", "Simulated");
        if (ownerSubject != null) {
            body.put("ownerSubject", ownerSubject);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(vehicles)
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IOException("registering " + vin + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
