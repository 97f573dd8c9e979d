package cn.vdp.storage.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestResponse;

import cn.vdp.common.security.Roles;
import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.TelemetryBatch;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.security.CurrentCaller;
import cn.vdp.storage.telemetry.TelemetryApi.LatestValues;
import cn.vdp.storage.telemetry.TelemetryApi.RecordPage;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
public class TelemetryResource {

    @Inject
    TelemetryWriter writer;

    @Inject
    TelemetryReader reader;

    @Inject
    BatchReader batchReader;

    @Inject
    TelemetryConfig config;

    @Inject
    TelemetryMetrics metrics;

    @Inject
    CurrentCaller caller;

    @Inject
    PartTimings timings;

    @POST
    @Path("/telemetry/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INGEST)
    @Operation(summary = "Store records of many vehicles",
            description = "Idempotent on (vin, seq): a retried record is answered DUPLICATE and stored once. Records "
                    + "of unregistered or non-mainland-China vehicles are REFUSED; all others commit together before "
                    + "the answer is sent. A malformed batch is refused whole.")
    @APIResponse(responseCode = "200", description = "Per-record outcome, in the order sent")
    @APIResponse(responseCode = "413", description = "Too many records or too large a body")
    @APIResponse(responseCode = "422", description = "A record breaks the contract (VIN, signal, type); nothing stored")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TelemetryBatch.class)))
    public BatchResult write(InputStream body) throws SQLException, IOException {
        long start = System.nanoTime();
        List<IncomingRecord> records = batchReader.read(body, config.maxBatchRecords());
        long read = System.nanoTime();
        timings.add("read", read - start);
        BatchResult result = writer.write(records);
        // The writer times its own parts (check, rows); the rest of its call is the transaction around them, the
        // commit above all.
        timings.add("commit", System.nanoTime() - start - timings.sum());
        metrics.committed(result, timings);
        return result;
    }

    @GET
    @Path("/vehicles/{vin}/telemetry")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.TELEMETRY_READ)
    @Operation(summary = "Records of one of the caller's vehicles",
            description = "Newest first, inside the caller's ownership periods only; 404 for any other vehicle.")
    @APIResponse(responseCode = "200", description = "A page of records")
    public RestResponse<RecordPage> records(@PathParam("vin") String vin,
            @Parameter(description = "Start of the range (inclusive, ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "End of the range (exclusive, ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "Only these signals (repeatable)") @QueryParam("signal") List<String> signals,
            @Parameter(description = "Page size") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor)
            throws SQLException {
        TelemetryQuery query = new TelemetryQuery(QueryParameters.instant("from", from),
                QueryParameters.instant("to", to), signals, QueryParameters.integer("limit", limit), cursor);
        long start = System.nanoTime();
        RecordPage page = reader.page(vin, caller.get(), query);
        long nanos = System.nanoTime() - start;
        metrics.queried(nanos);
        // The query's own time and its parts (W3C Server-Timing), so callers can tell it from the network and
        // serialization.
        return RestResponse.ResponseBuilder.ok(page).header("Server-Timing", timings.header(nanos)).build();
    }

    @GET
    @Path("/vehicles/{vin}/latest")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.TELEMETRY_LATEST)
    @Operation(summary = "Latest value of each signal of one of the caller's vehicles")
    @APIResponse(responseCode = "200", description = "Latest values and the last contact")
    public LatestValues latest(@PathParam("vin") String vin) throws SQLException {
        return reader.latest(vin, caller.get());
    }
}
