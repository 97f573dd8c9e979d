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

import io.quarkus.oidc.client.filter.OidcClientFilter;

import cn.vdp.portal.export.ExportApi.SigningKey;
import cn.vdp.common.export.VerificationReport;
import cn.vdp.portal.storage.StorageProblems;

/**
 * storage-service's key and verification endpoints, called with the portal's own service token: anyone may check a
 * download through the portal, signed in or not, and storage-service answers only callers with a token. Kept apart
 * from {@link ExportRestClient}, whose every call carries the person's own token.
 */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@OidcClientFilter
@Path("/api/v1")
interface ServiceExportRestClient {

    @GET
    @Path("/exports/signing-key")
    @Produces(MediaType.APPLICATION_JSON)
    SigningKey signingKey();

    /** The upload is sent as it is read, not collected in memory first. */
    @POST
    @Path("/exports/verifications")
    @Consumes(ExportApi.ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    VerificationReport verify(InputStream zip);
}
