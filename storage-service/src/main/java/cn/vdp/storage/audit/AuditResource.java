package cn.vdp.storage.audit;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.storage.audit.AuditApi.CheckpointPage;
import cn.vdp.storage.audit.AuditApi.EventPage;
import cn.vdp.storage.audit.AuditApi.Verification;
import cn.vdp.storage.security.CurrentCaller;

/** The audit trail for regulators: read-only, and every query is itself audited. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed(Roles.REGULATOR)
public class AuditResource {

    @Inject
    AuditQueries queries;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/audit/events")
    @Audited(AuditAction.AUDIT_BROWSE)
    @Operation(summary = "Browse the audit trail", description = "Newest first, filtered by occurrence time [from, to), "
            + "VIN, actor (subject), action and outcome; all filters are optional.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A malformed filter, limit or cursor")
    public EventPage events(@BeanParam AuditFilterParams filter, @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor)
            throws SQLException {
        return queries.browse(filter.parse(), QueryParameters.integer("limit", limit), cursor, caller.get());
    }

    @GET
    @Path("/audit/events.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @Audited(AuditAction.AUDIT_EXPORT)
    @Operation(summary = "Export the audit trail as CSV", description = "Every matching event up to now, oldest first, "
            + "streamed; same filters as browsing. Timestamps have six fraction digits, as in the canonical content.")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = CsvWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A malformed filter")
    public Response exportCsv(@BeanParam AuditFilterParams filter) throws SQLException {
        return CsvWriter.download(queries.exportCsv(filter.parse(), caller.get()), "audit-events.csv");
    }

    @GET
    @Path("/audit/verification")
    @Audited(AuditAction.AUDIT_VERIFY)
    @Operation(summary = "Verify the hash chain", description = "Walks every event in id order and compares the chain "
            + "with the signed checkpoints; names the first broken event and why.")
    @APIResponse(responseCode = "200", description = "INTACT, or BROKEN with the first broken event")
    public Verification verification() throws SQLException {
        return queries.verify(caller.get());
    }

    @GET
    @Path("/audit/checkpoints")
    @Audited(AuditAction.AUDIT_CHECKPOINTS)
    @Operation(summary = "Signed checkpoints of the chain", description = "Newest first, with the public key that "
            + "verifies them. Checkpoints are made by the service on a schedule; keep copies to prove later that "
            + "nothing was removed.")
    @APIResponse(responseCode = "200", description = "A page of checkpoints")
    public CheckpointPage checkpoints(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor)
            throws SQLException {
        return queries.checkpoints(QueryParameters.integer("limit", limit), cursor, caller.get());
    }
}
