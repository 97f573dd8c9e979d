package cn.vdp.portal.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import cn.vdp.common.problem.ProblemResponses;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.security.Roles;

/**
 * A regulator changes nothing, in the portal either: every request that may change something (POST, PUT, PATCH,
 * DELETE, forms included) made by someone holding the regulator role is answered 403 problem+json before anything
 * else runs (before matching, so before the endpoint's own role check, which would answer a page), whatever the
 * endpoint itself allows (verifying a download is open to anyone, but not to a regulator's
 * account). One place, so that a write endpoint added later is covered too; storage-service refuses them as well.
 */
public class RegulatorsChangeNothing {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> refuseWrites(ContainerRequestContext request) {
        // Someone without credentials cannot be a regulator; asking for their identity here would even make an
        // anonymous request (verifying a download) fail authentication before its endpoint is known.
        boolean credentials = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null || request.getCookies()
                .keySet().stream().anyMatch(name -> name.startsWith(PageContext.SESSION_COOKIE_PREFIX));
        if (!WRITES.contains(request.getMethod()) || !credentials) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> identity != null && identity.hasRole(Roles.REGULATOR)
                ? ProblemResponses.build(ProblemTypes.FORBIDDEN, "A regulator's account is read-only",
                        request.getUriInfo().getPath(),
                        ProblemResponses.requestId(request.getHeaderString(ProblemResponses.REQUEST_ID_HEADER)),
                        List.of(), Map.of())
                : null);
    }
}
