package cn.vdp.storage.retention;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.security.CurrentCaller;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class RetentionResource {

    @Inject
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/retention/purges")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.RETENTION_PURGE)
    @Operation(summary = "Apply retention now",
            description = "Removes every telemetry row older than its category's retention; the same job runs daily.")
    @APIResponse(responseCode = "200", description = "What was removed, per category")
    public PurgeReport purge() throws SQLException {
        return retention.purge(Actor.of(caller.get(), Roles.OPERATOR));
    }
}
