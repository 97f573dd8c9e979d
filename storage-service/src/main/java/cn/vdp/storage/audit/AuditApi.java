package cn.vdp.storage.audit;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The audit trail's REST contract (regulators). */
public final class AuditApi {

    private AuditApi() {
    }

    @Schema(description = "One audit event with its place in the hash chain (see AuditCanonical for the format)")
    public record EventView(long id, Instant occurredAt, String requestId, String actorSubject, String actorRole,
            String actorClient, String action, String outcome, String vin, List<String> categories, Instant rangeFrom,
            Instant rangeTo, Long quantity, String detail,
            @Schema(description = "SHA-256 of the previous event, hex") String prevHash,
            @Schema(description = "SHA-256(prevHash || canonical content), hex") String hash) {

        static EventView of(StoredEvent stored) {
            AuditEvent e = stored.event();
            return new EventView(stored.id(), e.occurredAt(), e.requestId(), e.actor().subject(), e.actor().role(),
                    e.actor().client(), e.action(), e.outcome(), e.vin(), e.categories(), e.rangeFrom(), e.rangeTo(),
                    e.quantity(), e.detail(), AuditCanonical.hex(stored.prevHash()), AuditCanonical.hex(stored.hash()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A page of events, newest first; pass nextCursor to get the next page")
    public record EventPage(List<EventView> events, String nextCursor) {
    }

    public enum ChainStatus {
        INTACT, BROKEN
    }

    public enum ChainProblem {
        /** The event's stored fields do not hash to its stored hash. */
        CONTENT_CHANGED,
        /** The event does not point at the hash of the event before it (or the head points elsewhere). */
        LINK_BROKEN,
        /** No event with this id, although a later event, the head or a checkpoint says it existed. */
        EVENT_MISSING,
        /** The event's hash differs from the one a signed checkpoint recorded for it. */
        CHECKPOINT_MISMATCH
    }

    @Schema(description = "The first event where the chain is broken, and why")
    public record BrokenEvent(long eventId, ChainProblem problem, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A signed checkpoint of the chain's head")
    public record CheckpointView(long id, Instant createdAt, long headId, String headHash, long eventCount, String keyId,
            String algorithm,
            @Schema(description = "Base64 signature over the checkpoint's signed content") String signature,
            @Schema(description = "Whether this service verified the signature; absent when the key is not known here")
            Boolean signatureValid) {

        static CheckpointView of(Checkpoint c, Boolean valid) {
            return new CheckpointView(c.id(), c.createdAt(), c.headId(), AuditCanonical.hex(c.headHash()),
                    c.eventCount(), c.keyId(), c.algorithm(), Base64.getEncoder().encodeToString(c.signature()), valid);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "What the checkpoints say about the chain")
    public record CheckpointCheck(int compared, int unknownKey, List<Long> invalidSignatures, CheckpointView latest) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Result of walking the whole chain in id order")
    public record Verification(Instant verifiedAt, ChainStatus status,
            @Schema(description = "Events verified before the first break (all of them when intact)")
            long eventsVerified,
            Long lastVerifiedId,
            @Schema(description = "The last id the chain must reach: the head's, or a later checkpoint's")
            long expectedLastId,
            BrokenEvent firstBroken, CheckpointCheck checkpoints,
            @Schema(description = "Events of reads staged (durable) but not chained yet")
            StagedEvents staged) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Reads stage their events and the service chains them moments later; events staged longer "
            + "ago than the configured bound and still waiting are overdue, and mean the chaining has stopped")
    public record StagedEvents(long waiting, Instant oldestStagedAt, long overdue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Checkpoints, newest first, and the public key that verifies their signatures")
    public record CheckpointPage(String keyId, String algorithm,
            @Schema(description = "PEM (SubjectPublicKeyInfo) of the current signing key") String publicKey,
            List<CheckpointView> checkpoints, String nextCursor) {
    }
}
