package cn.vdp.storage.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What was done, as the trail names it. Codes are stable: regulators filter on them and the compliance report
 * counts them. Reads and exports of personal data, writes by people, erasures, refusals, purges and the regulators'
 * own queries.
 */
public enum AuditAction {
    VEHICLE_REGISTER("vehicle.register"),
    VEHICLE_TRANSFER("vehicle.transfer"),
    VEHICLE_VIEW("vehicle.view"),
    VEHICLE_LIST("vehicle.list"),
    CONSENT_LIST("consent.list"),
    CONSENT_CHANGE("consent.change"),
    TELEMETRY_READ("telemetry.read"),
    TELEMETRY_LATEST("telemetry.latest"),
    /** Records of a car that may not send data here (not registered, or not a mainland-China car). */
    TELEMETRY_REFUSED("telemetry.refused"),
    RETENTION_PURGE("retention.purge"),
    /** An owner's download of their data, recorded (and committed) before its first byte is sent, one per VIN. */
    EXPORT_DOWNLOAD("export.download"),
    /** The same download, finished: its signed manifest registered, with the number of records given out. */
    EXPORT_COMPLETE("export.complete"),
    /** An owner asked for their data to be erased (one per VIN). */
    ERASURE_REQUEST("erasure.request"),
    /** The erasure job removed the data of a request (one per VIN), or gave up on it. */
    ERASURE_EXECUTE("erasure.execute"),
    AUDIT_BROWSE("audit.browse"),
    AUDIT_EXPORT("audit.export"),
    AUDIT_VERIFY("audit.verify"),
    AUDIT_CHECKPOINTS("audit.checkpoints"),
    COMPLIANCE_REPORT("compliance.report"),
    /** A request refused before any feature ran (its role may not call the endpoint). */
    REQUEST("request");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditAction> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
