package cn.vdp.common.telemetry;

/** What became of one record of a batch. */
public enum RecordStatus {
    /** Committed now. */
    STORED,
    /** Committed earlier (a retry): nothing was stored twice. */
    DUPLICATE,
    /** Not stored, for the reason given. */
    REFUSED
}
