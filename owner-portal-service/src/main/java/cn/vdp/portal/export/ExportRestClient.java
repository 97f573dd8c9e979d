package cn.vdp.portal.export;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.storage.StorageProblems;

/** storage-service's export of the signed-in owner's data, called with their own token. */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
interface ExportRestClient {

    /** The ZIP as it arrives: the REST client hands the body over as a stream, not as a buffer. */
    @GET
    @Path("/exports/mine")
    @Produces(ExportApi.ZIP)
    InputStream mine(@QueryParam("vin") String vin);
}
