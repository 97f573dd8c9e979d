package cn.vdp.common.signal;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON value kinds a signal may carry. */
public enum SignalType {
    NUMBER("number"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    TEXT("string");

    private final String jsonName;

    SignalType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    boolean accepts(JsonNode value) {
        return switch (this) {
            case NUMBER -> value.isNumber() && Double.isFinite(value.asDouble());
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case BOOLEAN -> value.isBoolean();
            case TEXT -> value.isTextual();
        };
    }
}
