package cn.vdp.storage.audit;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.security.Roles;

/**
 * A regulator changes nothing: every request that may change something (POST, PUT, PATCH, DELETE) made with a
 * token holding the regulator role answers 403 before the resource runs, whatever the endpoint's own role rule
 * says. One place for the rule, so that an endpoint open to every signed-in caller (export verification, which the
 * portal calls with its role-less service token) or one added later cannot let a regulator through. The refusal is
 * audited as a denial under the endpoint's action.
 */
public class RegulatorsChangeNothing {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    DenialRecorder denials;

    @ServerRequestFilter
    public Uni<Void> refuseWrites(ContainerRequestContext request, ResourceInfo resource) {
        if (!WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (identity == null || !identity.hasRole(Roles.REGULATOR)) {
                return Uni.createFrom().voidItem();
            }
            return denials.record(request, resource, 403).onItem().failWith(
                    () -> ProblemException.forbidden("A regulator's account is read-only"));
        });
    }
}
