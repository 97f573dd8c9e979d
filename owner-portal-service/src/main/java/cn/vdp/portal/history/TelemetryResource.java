package cn.vdp.portal.history;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.history.TelemetryApi.RecordPage;

@Path("/api/v1")
@BearerTokenAuthentication
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History")
public class TelemetryResource {

    @Inject
    TelemetryClient telemetry;

    @GET
    @Path("/vehicles/{vin}/telemetry")
    @Operation(summary = "Records of one of the caller's vehicles",
            description = "Newest first, inside the caller's ownership periods only; page with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of records")
    public RecordPage records(@PathParam("vin") String vin,
            @Parameter(description = "Start of the range (inclusive, ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "End of the range (exclusive, ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Only these signals (repeatable)") @QueryParam("signal") List<String> signals,
            @Parameter(description = "Page size") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return telemetry.page(vin, from, to, signals, limit, cursor);
    }
}
