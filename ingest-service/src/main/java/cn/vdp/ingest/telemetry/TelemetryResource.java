package cn.vdp.ingest.telemetry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.common.telemetry.TelemetryBatch;
import cn.vdp.ingest.car.CarCertificates;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
@SecurityScheme(securitySchemeName = "fleetCertificate", type = SecuritySchemeType.MUTUALTLS,
        description = "TLS client certificate issued by the fleet CA; its subject CN is the car's VIN")
public class TelemetryResource {

    @Inject
    TelemetryIntake intake;

    @POST
    @Path("/telemetry/batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "fleetCertificate")
    @Operation(summary = "Deliver records of the connected car",
            description = "Every record's vin must be the certificate's VIN and sequence numbers must increase "
                    + "within the batch; other records are REFUSED with the reason, the rest are stored. Signals of "
                    + "categories needing consent (location, driving, cabin_media) are dropped unless the owner's "
                    + "consent is live; coordinates are rounded. The answer is sent only after storage committed "
                    + "the records. A resent batch is safe: already stored records are answered DUPLICATE.")
    @APIResponse(responseCode = "200", description = "Per-record outcome (STORED, DUPLICATE, REFUSED + reason), in the order sent")
    @APIResponse(responseCode = "403", description = "The client certificate's CN is not a VIN")
    @APIResponse(responseCode = "413", description = "Body over 1 MB, or too many records")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "422", description = "A record breaks the contract (VIN, signal, type); nothing stored")
    @APIResponse(responseCode = "429", description = "The car sends too fast; see Retry-After")
    @APIResponse(responseCode = "503", description = "Storage unreachable or too slow; nothing acknowledged, send again after Retry-After")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TelemetryBatch.class)))
    public Uni<BatchResult> receive(InputStream body, @Context HttpServerRequest request) throws IOException {
        String vin = CarCertificates.vin(request);
        // Not @Blocking: nothing in the intake waits (consent and the commit are asynchronous). A body that
        // RESTEasy Reactive already holds in memory (up to quarkus.rest.input-buffer-size) is handled right here on
        // the connection's IO thread, saving a hop to a worker and one back for the answer; each hop waited for a
        // core on a busy machine. A larger or chunked body is still streamed, so it is read on a worker.
        if (body instanceof ByteArrayInputStream) {
            return Uni.createFrom().completionStage(intake.receive(vin, body));
        }
        return Uni.createFrom().completionStage(() -> receiveUnchecked(vin, body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Jackson's exceptions (IOExceptions) reach the problem mappers unchanged, as a failure of the answer. */
    private CompletionStage<BatchResult> receiveUnchecked(String vin, InputStream body) {
        try {
            return intake.receive(vin, body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
