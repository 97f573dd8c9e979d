package cn.vdp.storage.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.vdp.common.problem.ProblemResponses;

/** Assigns each request its id before anything else runs, and echoes it on every answer. */
public class RequestIdFilters {

    @Inject
    RequestIds ids;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = ProblemResponses.requestId(request.getHeaderString(ProblemResponses.REQUEST_ID_HEADER));
        // Rewritten on the request too, so that the problem mapper reports the same id.
        request.getHeaders().putSingle(ProblemResponses.REQUEST_ID_HEADER, id);
        ids.set(id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(ProblemResponses.REQUEST_ID_HEADER)) {
            response.getHeaders().putSingle(ProblemResponses.REQUEST_ID_HEADER,
                    request.getHeaderString(ProblemResponses.REQUEST_ID_HEADER));
        }
    }
}
