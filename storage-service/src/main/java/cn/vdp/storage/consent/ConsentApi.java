package cn.vdp.storage.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The consent REST contract. */
public final class ConsentApi {

    private ConsentApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The owner's choice for one sensitive category")
    public record ConsentView(String category, boolean granted, Instant expiresAt, boolean live, Instant updatedAt) {
    }

    @Schema(description = "Turn collection of a category on until a date of the owner's choice, or off")
    public record ConsentChange(boolean granted,
            @Schema(description = "Required when granted: when the consent ends (there is no 'forever')") Instant expiresAt) {
    }

    @Schema(description = "VINs whose live consent ingest needs")
    public record LiveConsentQuery(List<String> vins) {
    }

    @Schema(description = "A live consent: collection of this category is allowed until expiresAt")
    public record LiveConsent(String category, Instant expiresAt) {
    }

    @Schema(description = "Per VIN, the categories whose collection is allowed now")
    public record LiveConsents(Instant checkedAt, Map<String, List<LiveConsent>> vehicles) {
    }
}
