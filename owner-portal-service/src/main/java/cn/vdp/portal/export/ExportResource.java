package cn.vdp.portal.export;

import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.export.ExportApi.SigningKey;
import cn.vdp.common.export.VerificationReport;

@Path("/api/v1")
@BearerTokenAuthentication
@Tag(name = "Download and verification")
public class ExportResource {

    @Inject
    ExportClient exports;

    @GET
    @Path("/exports/mine")
    @RolesAllowed(Roles.OWNER)
    @Produces(ExportApi.ZIP)
    @Operation(summary = "Everything of the caller's ownership periods, as a signed ZIP",
            description = "vehicles.json, consents.json, telemetry.jsonl, telemetry.csv, trips.gpx, manifest.json "
                    + "(SHA-256 of each file) and manifest.sig (Ed25519). Streamed as it is produced.")
    @APIResponse(responseCode = "200", description = "The ZIP", content = @Content(mediaType = ExportApi.ZIP,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "binary")))
    public Response mine(@Parameter(description = "Only this vehicle") @QueryParam("vin") String vin) {
        return exports.download(vin);
    }

    @GET
    @Path("/exports/signing-key")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The platform's public key for export manifests", description = "Public.")
    @APIResponse(responseCode = "200", description = "The key")
    public SigningKey signingKey() {
        return exports.signingKey();
    }

    @POST
    @Path("/exports/verifications")
    @PermitAll
    @Consumes(ExportApi.ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check an export against its signed manifest",
            description = "Public. VALID only when every file matches the manifest and the platform signed it.")
    @RequestBody(content = @Content(mediaType = ExportApi.ZIP))
    @APIResponse(responseCode = "200", description = "The verdict and each file's check")
    public VerificationReport verify(InputStream zip) {
        return exports.verify(zip);
    }
}
