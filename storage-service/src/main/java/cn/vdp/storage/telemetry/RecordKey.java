package cn.vdp.storage.telemetry;

/** The identity of a record: the car and its own sequence number. */
record RecordKey(String vin, long seq) {
}
