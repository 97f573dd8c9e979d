package cn.vdp.portal.notice;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The privacy notice for apps, in the language they ask for (Accept-Language: en or zh). */
public final class NoticeApi {

    private NoticeApi() {
    }

    @Schema(description = "What is collected in one category and what happens to it")
    public record CategoryNotice(
            @Schema(example = "location") String category,
            String name,
            @Schema(description = "Collected only while the owner allows it, until a date they choose") boolean consentRequired,
            @Schema(description = "Signal names from the catalogue") List<String> signals,
            String when,
            String why,
            @Schema(description = "ISO 3166-1 code of where the data is stored", example = "CN") String storedIn,
            long retentionDays,
            String howToStop,
            String howToDelete) {
    }

    @Schema(description = "The privacy notice")
    public record PrivacyNotice(@Schema(example = "zh") String language, String contact,
            List<CategoryNotice> categories) {
    }
}
