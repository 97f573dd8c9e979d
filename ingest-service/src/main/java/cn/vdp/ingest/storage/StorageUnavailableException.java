package cn.vdp.ingest.storage;

/** storage-service could not take the request now (5xx, or our token was not accepted); a retry may work. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String detail) {
        super(detail, null, false, false);
    }
}
