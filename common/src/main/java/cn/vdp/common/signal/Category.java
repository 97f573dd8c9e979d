package cn.vdp.common.signal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a signal is about. The category decides whether collection needs the owner's consent (the 2021
 * Provisions treat location, cabin images and driving behaviour as important data, off by default) and how
 * long the data is kept.
 */
public enum Category {
    VEHICLE_STATE("vehicle_state", false),
    BATTERY("battery", false),
    LOCATION("location", true),
    DRIVING("driving", true),
    CABIN_MEDIA("cabin_media", true),
    DIAGNOSTICS("diagnostics", false);

    private final String code;
    private final boolean consentRequired;

    Category(String code, boolean consentRequired) {
        this.code = code;
        this.consentRequired = consentRequired;
    }

    /** Stable lower-case name used in APIs, database rows and metric tags. */
    public String code() {
        return code;
    }

    public boolean consentRequired() {
        return consentRequired;
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
