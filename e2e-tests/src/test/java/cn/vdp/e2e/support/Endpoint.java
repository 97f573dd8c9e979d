package cn.vdp.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One documented operation of a service: method and path template, as its OpenAPI document lists it. */
public record Endpoint(String service, String method, String path) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Every operation in the service's OpenAPI document ({@code /q/openapi} on its management port). */
    public static List<Endpoint> documented(Platform platform, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.management(service) + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " OpenAPI: " + response.statusCode());
        }
        List<Endpoint> endpoints = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = Tokens.JSON.readTree(response.body()).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    endpoints.add(new Endpoint(service, method.toUpperCase(), path.getKey()));
                }
            }
        }
        return endpoints;
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }
}
