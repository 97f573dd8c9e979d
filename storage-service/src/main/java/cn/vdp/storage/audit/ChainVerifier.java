package cn.vdp.storage.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.vdp.storage.audit.AuditApi.BrokenEvent;
import cn.vdp.storage.audit.AuditApi.ChainProblem;
import cn.vdp.storage.audit.AuditApi.ChainStatus;
import cn.vdp.storage.audit.AuditApi.CheckpointCheck;
import cn.vdp.storage.audit.AuditApi.CheckpointView;
import cn.vdp.storage.audit.AuditApi.StagedEvents;
import cn.vdp.storage.audit.AuditApi.Verification;

/**
 * Walks the chain in id order, one chunk at a time, and names the first broken event: a gap in the ids (a
 * removed event), stored fields that no longer hash to the stored hash (changed content, or events swapped), a
 * link that does not point at the previous hash, or a hash that differs from a signed checkpoint's. The chain
 * must reach the head and the latest checkpoint, so a cut tail is named too. It also reports the events of reads
 * that wait on the stage to be chained, and how many of them are overdue.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, null);

    @Inject
    AuditEventStore store;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditConfig config;

    @Inject
    Clock clock;

    public Verification verify() throws SQLException {
        AuditEventStore.Head head = store.head();
        Map<Long, Checkpoint> byHead = new HashMap<>();
        List<Long> invalid = new ArrayList<>();
        int unknownKey = 0;
        Checkpoint latest = null;
        for (Checkpoint checkpoint : checkpoints.all()) {
            Optional<Boolean> valid = checkpoints.signatureValid(checkpoint);
            if (valid.isPresent() && !valid.get()) {
                invalid.add(checkpoint.id());
                continue; // forged or damaged: proves nothing, and is reported
            }
            unknownKey += valid.isEmpty() ? 1 : 0;
            byHead.putIfAbsent(checkpoint.headId(), checkpoint);
            latest = checkpoint;
        }
        long end = Math.max(head.id(), latest == null ? 0 : latest.headId());

        Walk walk = new Walk(byHead);
        for (long after = 0; walk.broken == null && after < end;) {
            List<StoredEvent> chunk = store.oldestFirst(EVERYTHING, after, end, config.verifyChunkSize());
            if (chunk.isEmpty()) {
                break;
            }
            for (StoredEvent event : chunk) {
                if (!walk.accept(event)) {
                    break;
                }
            }
            after = chunk.get(chunk.size() - 1).id();
        }
        if (walk.broken == null && walk.next <= end) {
            walk.broken = new BrokenEvent(walk.next, ChainProblem.EVENT_MISSING, "the chain ends at event "
                    + (walk.next - 1) + " but " + (head.id() == end ? "its head" : "checkpoint " + latest.id())
                    + " says it reaches event " + end);
        }
        if (walk.broken == null && end > 0 && head.id() == end && !Arrays.equals(head.hash(), walk.previous)) {
            walk.broken = new BrokenEvent(end, ChainProblem.LINK_BROKEN,
                    "the chain's head records another hash for this event");
        }
        CheckpointCheck check = new CheckpointCheck(byHead.size(), unknownKey, List.copyOf(invalid),
                latest == null ? null : CheckpointView.of(latest, checkpoints.signatureValid(latest).orElse(null)));
        ChainStatus status = walk.broken == null && invalid.isEmpty() ? ChainStatus.INTACT : ChainStatus.BROKEN;
        StagedEvents staged = store.staged(config.stagedOverdueAfter());
        return new Verification(clock.instant(), status, walk.verified, walk.lastVerified, end, walk.broken, check,
                staged);
    }

    /** The state of one walk along the chain. */
    private static final class Walk {
        final Map<Long, Checkpoint> checkpointsByHead;
        long next = 1;
        byte[] previous = AuditCanonical.GENESIS;
        long verified;
        Long lastVerified;
        BrokenEvent broken;

        Walk(Map<Long, Checkpoint> checkpointsByHead) {
            this.checkpointsByHead = checkpointsByHead;
        }

        /** Checks one event; false (with {@link #broken} set) at the first break. */
        boolean accept(StoredEvent event) {
            if (event.id() != next) {
                broken = new BrokenEvent(next, ChainProblem.EVENT_MISSING, "no event " + next + "; the next one is "
                        + event.id());
            } else if (!Arrays.equals(AuditCanonical.hash(event.prevHash(), event.id(), event.event()), event.hash())) {
                broken = new BrokenEvent(event.id(), ChainProblem.CONTENT_CHANGED,
                        "the stored fields do not hash to the stored hash");
            } else if (!Arrays.equals(event.prevHash(), previous)) {
                broken = new BrokenEvent(event.id(), ChainProblem.LINK_BROKEN,
                        "prev_hash is not the hash of event " + (event.id() - 1));
            } else if (checkpointsByHead.containsKey(event.id())
                    && !Arrays.equals(checkpointsByHead.get(event.id()).headHash(), event.hash())) {
                broken = new BrokenEvent(event.id(), ChainProblem.CHECKPOINT_MISMATCH, "checkpoint "
                        + checkpointsByHead.get(event.id()).id() + " signed another hash for this event");
            }
            if (broken != null) {
                return false;
            }
            previous = event.hash();
            verified++;
            lastVerified = event.id();
            next++;
            return true;
        }
    }
}
