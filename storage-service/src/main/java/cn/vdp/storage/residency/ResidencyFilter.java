package cn.vdp.storage.residency;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.vdp.common.problem.ProblemResponses;

/**
 * Refuses every API request, read or write, while the service is not in an allowed region. Pre-matching, so it
 * runs before routing and before any token is checked; health and metrics (management port) stay reachable.
 */
public class ResidencyFilter {

    @Inject
    ResidencyGuard guard;

    /** @return the refusal, or null to let the request through */
    @ServerRequestFilter(preMatching = true)
    public Response refuseOutsideAllowedRegions(ContainerRequestContext request) {
        if (guard.allowed() || !request.getUriInfo().getPath().startsWith("/api")) {
            return null;
        }
        String requestId = ProblemResponses.requestId(request.getHeaderString(ProblemResponses.REQUEST_ID_HEADER));
        return ProblemResponses.build(ResidencyGuard.REGION_NOT_ALLOWED,
                "This storage-service instance is not running in an allowed region and serves no data",
                request.getUriInfo().getPath(), requestId, List.of(), Map.of(HttpHeaders.RETRY_AFTER, "30"));
    }
}
