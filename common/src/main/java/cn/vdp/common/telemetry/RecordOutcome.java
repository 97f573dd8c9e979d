package cn.vdp.common.telemetry;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer for one record of a batch; reason is set for refused records only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordOutcome(String vin, long seq, RecordStatus status, String reason) {

    public static RecordOutcome stored(String vin, long seq) {
        return new RecordOutcome(vin, seq, RecordStatus.STORED, null);
    }

    public static RecordOutcome duplicate(String vin, long seq) {
        return new RecordOutcome(vin, seq, RecordStatus.DUPLICATE, null);
    }

    public static RecordOutcome refused(String vin, long seq, String reason) {
        return new RecordOutcome(vin, seq, RecordStatus.REFUSED, reason);
    }
}
