package cn.vdp.portal.consent;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The consent part of the portal's API, as storage-service keeps it. */
public final class ConsentApi {

    private ConsentApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The owner's choice for one sensitive category")
    public record ConsentView(@Schema(example = "location") String category, boolean granted, Instant expiresAt,
            @Schema(description = "Granted and not yet expired: collection is allowed now") boolean live,
            Instant updatedAt) {
    }

    @Schema(description = "Turn collection of a category on until a date of the owner's choice, or off")
    public record ConsentChange(boolean granted,
            @Schema(description = "Required when granted: when the consent ends (there is no 'forever')") Instant expiresAt) {
    }
}
