package cn.vdp.ingest.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** storage-service's live-consent contract, as ingest reads it. */
public final class StorageConsents {

    private StorageConsents() {
    }

    public record LiveConsentQuery(List<String> vins) {
    }

    public record LiveConsent(String category, Instant expiresAt) {
    }

    public record LiveConsents(Instant checkedAt, Map<String, List<LiveConsent>> vehicles) {
    }
}
