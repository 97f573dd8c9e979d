package cn.vdp.storage.vehicle;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.vdp.common.security.Roles;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.Audited;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.security.CurrentCaller;
import cn.vdp.storage.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.storage.vehicle.VehicleApi.RegisterVehicle;
import cn.vdp.storage.vehicle.VehicleApi.Transfer;
import cn.vdp.storage.vehicle.VehicleApi.VehicleView;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles")
public class VehicleResource {

    @Inject
    VehicleRegistry registry;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("/vehicles")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.VEHICLE_REGISTER)
    @Operation(summary = "Register a vehicle", description = "VIN with check digit and market are required.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "Already registered")
    @APIResponse(responseCode = "422", description = "Invalid VIN, market or model")
    public Response register(RegisterVehicle request) {
        VehicleView view = registry.register(request, caller.get());
        return Response.created(URI.create("/api/v1/vehicles/" + view.vin())).entity(view).build();
    }

    @POST
    @Path("/vehicles/{vin}/transfers")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(AuditAction.VEHICLE_TRANSFER)
    @Operation(summary = "Transfer a vehicle to a new owner",
            description = "Ends the current ownership period now and opens the new owner's; consent is reset.")
    @APIResponse(responseCode = "200", description = "Transferred")
    @APIResponse(responseCode = "409", description = "The vehicle already belongs to this owner")
    @APIResponse(responseCode = "422", description = "New owner missing")
    public VehicleView transfer(@PathParam("vin") String vin, Transfer request) {
        return registry.transfer(vin, request, caller.get());
    }

    @GET
    @Path("/vehicles")
    @RolesAllowed(Roles.OWNER)
    @Audited(AuditAction.VEHICLE_LIST)
    @Operation(summary = "The caller's vehicles", description = "Every vehicle the caller owns or owned, with their own periods.")
    @APIResponse(responseCode = "200", description = "The caller's vehicles")
    public List<OwnedVehicle> mine() {
        return registry.ownedBy(caller.get());
    }

    @GET
    @Path("/vehicles/{vin}")
    @RolesAllowed({ Roles.OWNER, Roles.OPERATOR })
    @Audited(AuditAction.VEHICLE_VIEW)
    @Operation(summary = "One vehicle",
            description = "Operators see the registry entry with its ownership history; owners see their own periods, "
                    + "and 404 for a vehicle they never owned.")
    @APIResponse(responseCode = "200", description = "The vehicle", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { VehicleView.class, OwnedVehicle.class })))
    public Object one(@PathParam("vin") String vin) {
        Caller who = caller.get();
        return who.hasRole(Roles.OPERATOR) ? registry.operatorView(vin, who) : registry.ownerView(vin, who);
    }
}
