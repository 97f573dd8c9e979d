package cn.vdp.portal.erasure;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.erasure.ErasureApi.ErasureRequest;
import cn.vdp.portal.erasure.ErasureApi.NewErasureRequest;
import cn.vdp.portal.storage.StorageProblems;

/** storage-service's erasure requests of the signed-in owner, called with their own token. */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ErasureRestClient {

    @POST
    @Path("/erasure-requests")
    ErasureRequest create(NewErasureRequest request);

    @GET
    @Path("/erasure-requests")
    List<ErasureRequest> mine();

    @GET
    @Path("/erasure-requests/{id}")
    ErasureRequest one(@PathParam("id") String id);
}
