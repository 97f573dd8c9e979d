package cn.vdp.storage.audit;

import java.util.Arrays;
import java.util.Optional;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done. */
    SUCCESS("success"),
    /** Refused to the caller: their role may not, or the vehicle is not theirs (403/404). */
    DENIED("denied"),
    /** Data refused on arrival (a car that may not send data here). */
    REFUSED("refused"),
    /** Refused for now because too many such requests were running (429); the caller may retry. */
    THROTTLED("throttled"),
    /** A job could not do what was asked (an erasure that used up its attempts). */
    FAILED("failed");

    private final String code;

    AuditOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditOutcome> fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
