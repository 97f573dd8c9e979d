package cn.vdp.common.telemetry;

/** Stable codes for refused records; they are also the {@code reason} tag of the refusal counters. */
public final class RefusalReason {

    public static final String UNREGISTERED_VEHICLE = "unregistered-vehicle";
    public static final String NOT_CHINA_MARKET = "not-china-market";
    public static final String RECORDED_AT_TOO_OLD = "recorded-at-too-old";
    public static final String RECORDED_AT_IN_FUTURE = "recorded-at-in-future";
    public static final String VIN_MISMATCH = "vin-mismatch";
    public static final String SEQUENCE_NOT_INCREASING = "sequence-not-increasing";

    private RefusalReason() {
    }
}
