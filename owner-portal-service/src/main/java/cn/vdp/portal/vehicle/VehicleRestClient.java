package cn.vdp.portal.vehicle;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import cn.vdp.portal.storage.StorageProblems;
import cn.vdp.portal.vehicle.VehicleApi.LatestValues;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;

/** storage-service's vehicle reads, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageProblems.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface VehicleRestClient {

    @GET
    @Path("/vehicles")
    List<OwnedVehicle> mine();

    @GET
    @Path("/vehicles/{vin}")
    OwnedVehicle one(@PathParam("vin") String vin);

    @GET
    @Path("/vehicles/{vin}/latest")
    LatestValues latest(@PathParam("vin") String vin);
}
