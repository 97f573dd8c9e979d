package cn.vdp.ingest.storage;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Sorts storage-service's error answers into "will not work" and "not now". */
class StorageErrors implements ResponseExceptionMapper<RuntimeException> {

    private static final int MAX_DETAIL = 500;

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String detail = body(response);
        if (status == 400 || status == 413 || status == 422) {
            return new StorageRefusedException(status, detail);
        }
        // 401/403 mean our token or its role is wrong: an operator must fix it, and the car must keep its data.
        return new StorageUnavailableException("storage-service answered " + status + ": " + detail);
    }

    private static String body(Response response) {
        try {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
