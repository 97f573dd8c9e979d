package cn.vdp.portal.vehicle;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The vehicles part of the portal's API: the shapes storage-service answers with, passed on to apps. */
public final class VehicleApi {

    private VehicleApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One of the caller's ownership periods; no end while it lasts")
    public record Period(Instant from, Instant to) {
    }

    @Schema(description = "A vehicle the caller owns or owned, with their own periods only")
    public record OwnedVehicle(String vin, String market, String model, boolean currentOwner, List<Period> periods) {
    }

    @Schema(description = "The latest value of one signal")
    public record LatestValue(String signal, String category, String unit, JsonNode value, Instant recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Latest value of each signal within the caller's ownership, and the last contact")
    public record LatestValues(String vin, Instant lastContact, List<LatestValue> signals) {
    }
}
