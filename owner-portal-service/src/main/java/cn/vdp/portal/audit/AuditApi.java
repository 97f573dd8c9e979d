package cn.vdp.portal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What storage-service answers regulators (its audit and compliance contract), as far as the pages show it; members
 * the pages do not use are ignored when read.
 */
public final class AuditApi {

    public static final String CSV = "text/csv";

    private AuditApi() {
    }

    public record EventView(long id, Instant occurredAt, String requestId, String actorSubject, String actorRole,
            String actorClient, String action, String outcome, String vin, List<String> categories, Instant rangeFrom,
            Instant rangeTo, Long quantity, String detail, String prevHash, String hash) {
    }

    public record EventPage(List<EventView> events, String nextCursor) {
    }

    public record BrokenEvent(long eventId, String problem, String detail) {
    }

    public record CheckpointView(long id, Instant createdAt, long headId, String headHash, long eventCount, String keyId,
            String algorithm, String signature, Boolean signatureValid) {
    }

    public record CheckpointCheck(int compared, int unknownKey, List<Long> invalidSignatures, CheckpointView latest) {
    }

    public record Verification(Instant verifiedAt, String status, long eventsVerified, Long lastVerifiedId,
            long expectedLastId, BrokenEvent firstBroken, CheckpointCheck checkpoints, StagedEvents staged) {

        public boolean intact() {
            return "INTACT".equals(status);
        }
    }

    /** Reads' events durable on the stage and not chained yet; overdue ones mean the chaining has stopped. */
    public record StagedEvents(long waiting, Instant oldestStagedAt, long overdue) {
    }

    public record CheckpointPage(String keyId, String algorithm, String publicKey, List<CheckpointView> checkpoints,
            String nextCursor) {
    }

    /** The yearly compliance report. */
    public record Report(int year, Instant periodFrom, Instant periodTo, LocalDate due, Instant generatedAt,
            Storage storage, Vehicles vehicles, Owners owners, List<CategoryFigures> categories,
            List<ConsentFigures> consent, Erasure erasure, List<Refusals> refusedRecords, List<Access> access,
            Verification chain) {
    }

    public record Storage(List<String> allowedRegions, String region, String source, String node,
            boolean inAllowedRegion, Instant checkedAt) {
    }

    public record Vehicles(long registered, List<MarketCount> byMarket, long registeredInYear, long withDataInYear) {
    }

    public record MarketCount(String market, long vehicles) {
    }

    public record Owners(long inYear, long current, long transfersInYear) {
    }

    public record CategoryFigures(String category, boolean consentRequired, String retention, long rowsFromYear,
            long vehiclesFromYear, long rowsPurgedInYear, long rowsHeld, long bytesHeld, Instant oldestHeld) {
    }

    public record ConsentFigures(String category, long liveNow, long grantedInYear, long withdrawnInYear) {
    }

    public record Erasure(long requested, long completed, long pending, long failed, long overdue,
            Double medianCompletionHours, Double maxCompletionHours) {
    }

    public record Refusals(String reason, long records, long vehicles) {
    }

    public record Access(String role, String action, String outcome, long events, long actors) {
    }
}
