package cn.vdp.common.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations an OpenAPI document declares, so that tests can enumerate every endpoint of a service (for
 * example: a read-only role gets 403 on every write) and a new endpoint cannot be forgotten. In common's test-jar
 * so that every service's tests read their document the same way.
 */
public final class OpenApiOperations {

    /** HTTP methods that change something. */
    public static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH",
            "DELETE");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private OpenApiOperations() {
    }

    /**
     * One operation: its method (upper case), its path template, the names of its path parameters and the media types
     * its request body may have (none when it takes no body).
     */
    public record Operation(String method, String path, List<String> pathParameters, List<String> requestMediaTypes) {

        /**
         * A media type the operation accepts, so that a request reaches its security check rather than being refused
         * for its media type (415) first; JSON when it declares no body.
         */
        public String contentType() {
            return requestMediaTypes.isEmpty() ? "application/json" : requestMediaTypes.get(0);
        }

        /**
         * The path with every parameter replaced by its value; fails naming the parameter that has none, so that a
         * new endpoint with a new parameter makes the test say what to add.
         */
        public String fill(Map<String, String> values) {
            Matcher matcher = PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no plausible value for path parameter '" + matcher.group(1)
                            + "' of " + this);
                }
                matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            return matcher.appendTail(filled).toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            List<String> parameters = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(path.getKey());
            while (matcher.find()) {
                parameters.add(matcher.group(1));
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> operation = ops.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    List<String> mediaTypes = new ArrayList<>();
                    operation.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(mediaTypes::add);
                    operations.add(new Operation(method, path.getKey(), List.copyOf(parameters), List.copyOf(mediaTypes)));
                }
            }
        }
        return operations;
    }

    /** The operations whose method changes something (POST, PUT, PATCH, DELETE). */
    public static List<Operation> writes(JsonNode document) {
        return all(document).stream().filter(o -> WRITES.contains(o.method())).toList();
    }
}
