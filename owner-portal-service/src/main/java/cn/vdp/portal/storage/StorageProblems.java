package cn.vdp.portal.storage;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import cn.vdp.common.problem.Problem;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.problem.ProblemTypes;

/**
 * Turns storage-service's error answers into the portal's own problems. storage-service decides what a person may
 * see, so its 4xx answers pass through unchanged (a VIN someone does not own stays a 404, never anything that
 * would tell it apart from an unregistered one), with Retry-After when storage asks for patience (too many exports
 * at once); its 5xx answers become a 502 without storage's detail.
 */
public class StorageProblems implements ResponseExceptionMapper<ProblemException> {

    public static final ProblemType STORAGE_FAILED = new ProblemType("storage-failed", 502,
            "The data service could not answer");
    private static final String PREFIX = "urn:vdp-cn:problem:";

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ProblemException toThrowable(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new ProblemException(STORAGE_FAILED, "Try again in a moment");
        }
        Problem problem = read(response);
        if (problem == null) {
            return new ProblemException(ProblemTypes.forStatus(status), null);
        }
        String type = problem.type() == null ? "" : problem.type().toString();
        ProblemType kind = type.startsWith(PREFIX)
                ? new ProblemType(type.substring(PREFIX.length()), status, problem.title())
                : ProblemTypes.forStatus(status);
        String retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        return new ProblemException(kind, problem.detail(), problem.errors() == null ? List.of() : problem.errors(),
                retryAfter == null ? Map.of() : Map.of(HttpHeaders.RETRY_AFTER, retryAfter));
    }

    private static Problem read(Response response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json") || !response.hasEntity()) {
            return null;
        }
        try {
            return response.readEntity(Problem.class);
        } catch (RuntimeException e) {
            return null; // an unreadable error body still keeps its status
        }
    }
}
