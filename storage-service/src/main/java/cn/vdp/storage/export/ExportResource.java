package cn.vdp.storage.export;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.export.VerificationReport;
import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.export.ExportApi.SigningKeyView;
import cn.vdp.storage.security.CurrentCaller;

@Path("/api/v1")
@Tag(name = "Exports")
public class ExportResource {

    static final String ZIP = "application/zip";

    @Inject
    ExportService exports;

    @Inject
    ExportVerification verification;

    @Inject
    SigningKey signingKey;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("/exports/mine")
    @Produces(ZIP)
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.EXPORT_DOWNLOAD)
    @Operation(summary = "Download everything of the caller's ownership periods",
            description = "A zip streamed as it is read: vehicles.json, consents.json, telemetry.jsonl, telemetry.csv, "
                    + "trips.gpx, then manifest.json (each file's size and SHA-256) and manifest.sig (base64 Ed25519 "
                    + "signature of the exact manifest bytes). Only data recorded inside the caller's own periods.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "The vin is not one of the caller's vehicles")
    @APIResponse(responseCode = "429", description = "Too many exports are running; retry after the given seconds")
    @APIResponse(responseCode = "503", description = "The download could not be audited, so it was not started")
    public Response mine(
            @Parameter(description = "Only this vehicle (default: every vehicle the caller owns or owned)")
            @QueryParam("vin") String vin, @Context RoutingContext routing) {
        ExportService.Download download = exports.start(caller.get(), vin == null || vin.isBlank() ? null : vin.strip());
        // Frees the export's slot even if the stream is never written (the client left first).
        routing.addEndHandler(ended -> download.release());
        StreamingOutput body = download::writeTo;
        return Response.ok(body, ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("/exports/signing-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The public key that verifies export manifests")
    @APIResponse(responseCode = "200", description = "Key id, algorithm and the public key as PEM")
    public SigningKeyView signingKey() {
        return new SigningKeyView(signingKey.keyId(), Ed25519Keys.ALGORITHM, Ed25519Keys.toPem(signingKey.publicKey()));
    }

    @POST
    @Path("/exports/verifications")
    @Consumes({ ZIP, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    // Any signed-in caller (the portal verifies with its own role-less service token) but a regulator, who may call
    // no POST at all (security.RegulatorsChangeNothing) and verifies offline with the public key.
    @Authenticated
    @Operation(summary = "Check a downloaded export",
            description = "Hashes every file and compares it with the manifest, and checks the manifest's signature "
                    + "with the platform's keys. VALID: untouched and signed by the platform. ALTERED: a file differs, "
                    + "is missing or was added, or the signature does not match. UNSIGNED: no manifest.sig. "
                    + "UNKNOWN_KEY: signed by a key this platform does not know.")
    @RequestBody(content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "The verdict, file by file")
    @APIResponse(responseCode = "403", description = "A regulator (verify offline with the public key instead)")
    @APIResponse(responseCode = "413", description = "Larger than the upload limit (verify offline with the public key)")
    @APIResponse(responseCode = "415", description = "Not sent as application/zip")
    @APIResponse(responseCode = "422", description = "Not a zip, or no manifest of this platform in it")
    public VerificationReport verify(InputStream upload) throws IOException {
        return verification.verify(upload);
    }
}
