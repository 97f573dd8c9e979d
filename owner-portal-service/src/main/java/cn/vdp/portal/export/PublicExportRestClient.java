package cn.vdp.portal.export;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import cn.vdp.portal.export.ExportApi.SigningKey;
import cn.vdp.portal.export.ExportApi.Verification;
import cn.vdp.portal.storage.StorageProblems;

/**
 * storage-service's public export endpoints: anyone may check a download, signed in or not, so no token is sent.
 * Kept apart from {@link ExportRestClient}, whose every call carries the person's token.
 */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@Path("/api/v1")
interface PublicExportRestClient {

    @GET
    @Path("/exports/signing-key")
    @Produces(MediaType.APPLICATION_JSON)
    SigningKey signingKey();

    /** The upload is sent as it is read, not collected in memory first. */
    @POST
    @Path("/exports/verifications")
    @Consumes(ExportApi.ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    Verification verify(InputStream zip);
}
