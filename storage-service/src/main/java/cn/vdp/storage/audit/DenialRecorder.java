package cn.vdp.storage.audit;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import cn.vdp.common.security.Roles;
import cn.vdp.common.vin.Vin;

/**
 * Records every denial (403, or 404 for a vehicle the caller may not see) of an authenticated caller on any
 * endpoint, and every request turned away for capacity (429), in a transaction of its own: the action's
 * transaction has rolled back, or never started when the role check refused the call. Works for every endpoint,
 * including ones added later.
 */
@Singleton
public class DenialRecorder {

    private static final Logger LOG = Logger.getLogger(DenialRecorder.class);
    private static final String RECORDED = DenialRecorder.class.getName() + ".recorded";
    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.OWNER, Roles.REGULATOR, Roles.OPERATOR,
            Roles.INGEST);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AuditTrail trail;

    @ServerResponseFilter
    public Uni<Void> recordDenial(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        return record(request, resource, response.getStatus());
    }

    /**
     * Records the refusal of this request with this status (once per request: a refusal answered by a request
     * filter, see {@link RegulatorsChangeNothing}, is recorded there, as response filters may not see it).
     */
    Uni<Void> record(ContainerRequestContext request, ResourceInfo resource, int status) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if ((status != 403 && status != 404 && status != 429) || method == null
                || request.getProperty(RECORDED) != null) {
            return Uni.createFrom().voidItem();
        }
        request.setProperty(RECORDED, Boolean.TRUE);
        String requestId = RequestIds.current();
        String pathVin = request.getUriInfo().getPathParameters().getFirst("vin");
        // a VIN in the path, or in the query (an export of one vehicle)
        String vin = pathVin != null ? pathVin : request.getUriInfo().getQueryParameters().getFirst("vin");
        Audited audited = method.getAnnotation(Audited.class);
        AuditAction action = audited == null ? AuditAction.REQUEST : audited.value();
        String detail = status + " " + request.getMethod() + " " + template(resource.getResourceClass(), method);
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return Uni.createFrom().voidItem();
            }
            AuditEntry entry = AuditEntry.of(action, actor(identity))
                    .outcome(status == 429 ? AuditOutcome.THROTTLED : AuditOutcome.DENIED)
                    .vin(Vin.isValid(vin) ? vin : null).detail(detail);
            if (BlockingOperationControl.isBlockingAllowed()) {
                record(entry, requestId);
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().item(() -> record(entry, requestId))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
        });
    }

    private boolean record(AuditEntry entry, String requestId) {
        try {
            trail.recordInOwnTransaction(entry.requestId(requestId));
            return true;
        } catch (RuntimeException e) {
            // The answer is a refusal already; it goes out, and the failure is loud in the log.
            LOG.errorf(e, "denial of request %s could not be audited", requestId);
            return false;
        }
    }

    private static Actor actor(SecurityIdentity identity) {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(PLATFORM_ROLES);
        String client = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        return new Actor(subject(identity), roles.isEmpty() ? "none" : String.join(",", roles), client);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String template(Class<?> resourceClass, Method method) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return (classPath == null ? "" : classPath.value()) + (methodPath == null ? "" : methodPath.value());
    }
}
