package cn.vdp.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An owner's consent through storage-service's owner API ({@code PUT /api/v1/vehicles/{vin}/consents/{category}}),
 * with that owner's own bearer token: make run's demo owner lets one car collect its location.
 */
public final class OwnerConsentApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String ownerToken;

    /** @param api base URL of storage-service, e.g. http://localhost:8082 */
    public OwnerConsentApi(URI api, String ownerToken) {
        this.api = api;
        this.ownerToken = ownerToken;
    }

    /** Turns collection of {@code category} on for {@code vin} until {@code validFor} from now. */
    public void grant(String vin, String category, Duration validFor) throws IOException, InterruptedException {
        URI uri = api.resolve("/api/v1/vehicles/" + vin + "/consents/" + category);
        byte[] body = JSON.writeValueAsBytes(Map.of("granted", true, "expiresAt", Instant.now().plus(validFor).toString()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + ownerToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("consent for " + vin + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
