package cn.vdp.storage.vehicle;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The registry's REST contract. */
public final class VehicleApi {

    private VehicleApi() {
    }

    @Schema(description = "A vehicle to register")
    public record RegisterVehicle(
            @Schema(example = "LRW3E7FS5PC123456") String vin,
            @Schema(description = "ISO 3166-1 code of the sales market; data is accepted for CN only", example = "CN") String market,
            @Schema(example = "Model Y") String model,
            @Schema(description = "OIDC subject of the first owner; empty for a vehicle in stock") String ownerSubject) {
    }

    @Schema(description = "Hands a vehicle to a new owner from now on")
    public record Transfer(@Schema(description = "OIDC subject of the new owner") String newOwnerSubject) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String ownerSubject, Instant from, Instant to) {
    }

    @Schema(description = "A vehicle as the registry knows it (operator view)")
    public record VehicleView(String vin, String market, String model, Instant registeredAt, List<Period> ownership) {
    }

    @Schema(description = "A vehicle as its owner sees it: only the owner's own periods")
    public record OwnedVehicle(String vin, String market, String model, boolean currentOwner, List<Period> periods) {
    }
}
