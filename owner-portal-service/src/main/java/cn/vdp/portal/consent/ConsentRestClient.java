package cn.vdp.portal.consent;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.consent.ConsentApi.ConsentChange;
import cn.vdp.portal.consent.ConsentApi.ConsentView;
import cn.vdp.portal.storage.StorageProblems;

/** storage-service's consent of the current owner, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ConsentRestClient {

    @GET
    @Path("/vehicles/{vin}/consents")
    List<ConsentView> list(@PathParam("vin") String vin);

    @PUT
    @Path("/vehicles/{vin}/consents/{category}")
    ConsentView change(@PathParam("vin") String vin, @PathParam("category") String category, ConsentChange change);
}
