package cn.vdp.common.signal;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the signal catalogue: its name, JSON type, unit and category, and the bounds a plausible value
 * stays within.
 *
 * @param min smallest plausible value of a number, or null
 * @param max largest plausible value of a number, or null
 * @param allowed the values a text signal may take, or empty for free text
 * @param pattern a regular expression free text must match, or null
 * @param maxLength longest text accepted
 */
public record Signal(String name, SignalType type, String unit, Category category, Double min, Double max,
        Set<String> allowed, Pattern pattern, int maxLength) {

    static Signal number(String name, String unit, Category category, double min, double max) {
        return new Signal(name, SignalType.NUMBER, unit, category, min, max, Set.of(), null, 0);
    }

    static Signal integer(String name, String unit, Category category, long min, long max) {
        return new Signal(name, SignalType.INTEGER, unit, category, (double) min, (double) max, Set.of(), null, 0);
    }

    static Signal flag(String name, Category category) {
        return new Signal(name, SignalType.BOOLEAN, "", category, null, null, Set.of(), null, 0);
    }

    static Signal oneOf(String name, Category category, String... values) {
        return new Signal(name, SignalType.TEXT, "", category, null, null, Set.of(values), null, 32);
    }

    static Signal text(String name, Category category, String pattern, int maxLength) {
        return new Signal(name, SignalType.TEXT, "", category, null, null, Set.of(), Pattern.compile(pattern),
                maxLength);
    }

    /** Why this value cannot be a reading of this signal; empty when it can. */
    public Optional<String> problemWith(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.of("value is missing");
        }
        if (!type.accepts(value)) {
            return Optional.of("expected a " + type.jsonName() + " but got " + describe(value));
        }
        if (min != null && value.asDouble() < min || max != null && value.asDouble() > max) {
            return Optional.of("value " + value.asText() + " is outside " + plain(min) + ".." + plain(max)
                    + (unit.isEmpty() ? "" : " " + unit));
        }
        if (type == SignalType.TEXT) {
            String text = value.textValue();
            if (!allowed.isEmpty() && !allowed.contains(text)) {
                return Optional.of("value must be one of " + allowed.stream().sorted().toList());
            }
            if (maxLength > 0 && text.length() > maxLength) {
                return Optional.of("text is longer than " + maxLength + " characters");
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                return Optional.of("text does not match " + pattern.pattern());
            }
        }
        return Optional.empty();
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static String plain(Double bound) {
        return bound == null ? "" : (bound == Math.rint(bound) ? String.valueOf(bound.longValue()) : bound.toString());
    }
}
