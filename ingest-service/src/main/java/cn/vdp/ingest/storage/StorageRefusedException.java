package cn.vdp.ingest.storage;

/**
 * storage-service refused a request as malformed (400, 413, 422): sending it again will not help, and the
 * storage side is healthy, so it neither opens the circuit breaker nor becomes a 503.
 */
public class StorageRefusedException extends RuntimeException {

    private final int status;

    public StorageRefusedException(int status, String detail) {
        super("storage-service answered " + status + ": " + detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
