package cn.vdp.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import cn.vdp.common.testing.OpenApiOperations.Operation;

/**
 * Every endpoint of the portal that may change something (POST, PUT, PATCH, DELETE), read from its compiled resource
 * classes: the pages' form handlers too, which the OpenAPI document does not list (they are hidden from it). So a
 * write endpoint added later is found without anyone listing it.
 */
public final class WriteEndpoints {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}");

    private WriteEndpoints() {
    }

    /** Every write endpoint, as the OpenAPI enumeration describes operations (so both are filled the same way). */
    public static List<Operation> all() {
        Path classes = Path.of("target", "classes");
        List<Operation> endpoints = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("cn/vdp/portal"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                jakarta.ws.rs.Path root = type == null ? null : type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isInterface()) {
                    continue; // not a resource (REST client interfaces call storage-service; they serve nothing)
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        String path = ("/" + root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                        String template = path.length() > 1 ? path.replaceAll("/$", "") : path;
                        endpoints.add(new Operation(verb, template, parameters(template),
                                List.of(contentType(method, type))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endpoints.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return endpoints;
    }

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    private static String contentType(Method method, Class<?> type) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = type.getAnnotation(Consumes.class);
        }
        return consumes == null ? "application/json"
                : Arrays.stream(consumes.value()).findFirst().orElse("application/json");
    }
}
