package cn.vdp.portal.vehicle;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.common.security.Roles;
import cn.vdp.portal.vehicle.VehicleApi.LatestValues;
import cn.vdp.portal.vehicle.VehicleApi.OwnedVehicle;

@Path("/api/v1")
@BearerTokenAuthentication
@RolesAllowed(Roles.OWNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles")
public class VehicleResource {

    @Inject
    VehicleClient vehicles;

    @GET
    @Path("/vehicles")
    @Operation(summary = "The caller's vehicles", description = "Every vehicle the caller owns or owned, with their own periods.")
    @APIResponse(responseCode = "200", description = "The caller's vehicles")
    public List<OwnedVehicle> mine() {
        return vehicles.mine();
    }

    @GET
    @Path("/vehicles/{vin}")
    @Operation(summary = "One of the caller's vehicles", description = "404 for a vehicle the caller never owned.")
    @APIResponse(responseCode = "200", description = "The vehicle with the caller's periods")
    public OwnedVehicle one(@PathParam("vin") String vin) {
        return vehicles.one(vin);
    }

    @GET
    @Path("/vehicles/{vin}/latest")
    @Operation(summary = "Latest value of each signal, and the last contact",
            description = "Within the caller's ownership periods only.")
    @APIResponse(responseCode = "200", description = "Latest values")
    public LatestValues latest(@PathParam("vin") String vin) {
        return vehicles.latest(vin);
    }
}
