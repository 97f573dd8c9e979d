package cn.vdp.storage.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;

import cn.vdp.common.export.Ed25519Keys;
import cn.vdp.common.security.Roles;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.storage.audit.AuditApi.CheckpointPage;
import cn.vdp.storage.audit.AuditApi.CheckpointView;
import cn.vdp.storage.audit.AuditApi.EventPage;
import cn.vdp.storage.audit.AuditApi.EventView;
import cn.vdp.storage.audit.AuditApi.Verification;
import cn.vdp.storage.security.Caller;

/** The regulators' read-only view of the trail; each of their queries is itself audited. */
@ApplicationScoped
public class AuditQueries {

    private static final int EXPORT_CHUNK = 1000;

    @Inject
    AuditEventStore store;

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditTrail audit;

    @Inject
    AuditConfig config;

    @Inject
    CheckpointSigner signer;

    @Transactional
    public EventPage browse(AuditFilter filter, Integer limit, String cursor, Caller regulator) throws SQLException {
        audit.catchUp();
        int size = pageSize(limit);
        List<StoredEvent> events = store.newestFirst(filter, IdCursor.decode(cursor), size + 1);
        String next = null;
        if (events.size() > size) {
            events = events.subList(0, size);
            next = IdCursor.encode(events.get(size - 1).id());
        }
        audit.record(asked(AuditAction.AUDIT_BROWSE, regulator, filter).quantity(events.size()));
        return new EventPage(events.stream().map(EventView::of).toList(), next);
    }

    /**
     * Every matching event up to the current head, oldest first, as CSV. The export's own event is committed before
     * the first byte goes out: no export without its event.
     */
    public StreamingOutput exportCsv(AuditFilter filter, Caller regulator) throws SQLException {
        audit.catchUp();
        long through = store.head().id();
        String described = filter.describe();
        audit.recordInOwnTransaction(asked(AuditAction.AUDIT_EXPORT, regulator, filter)
                .detail((described == null ? "" : described + "; ") + "through event " + through));
        return output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvWriter csv = new CsvWriter(writer);
            csv.row("id", "occurred_at", "request_id", "actor_subject", "actor_role", "actor_client", "action",
                    "outcome", "vin", "categories", "range_from", "range_to", "quantity", "detail", "prev_hash", "hash");
            try {
                for (long after = 0;;) {
                    List<StoredEvent> chunk = store.oldestFirst(filter, after, through, EXPORT_CHUNK);
                    for (StoredEvent stored : chunk) {
                        csv.row(row(stored));
                    }
                    if (chunk.size() < EXPORT_CHUNK) {
                        break;
                    }
                    after = chunk.get(chunk.size() - 1).id();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("audit export failed while streaming", e);
            }
            writer.flush();
        };
    }

    public Verification verify(Caller regulator) throws SQLException {
        audit.catchUp();
        Verification result = verifier.verify();
        String detail = "status=" + result.status() + (result.firstBroken() == null ? ""
                : "; first broken event=" + result.firstBroken().eventId() + " (" + result.firstBroken().problem() + ")");
        audit.recordInOwnTransaction(AuditEntry.of(AuditAction.AUDIT_VERIFY, Actor.of(regulator, Roles.REGULATOR))
                .quantity(result.eventsVerified()).detail(detail));
        return result;
    }

    @Transactional
    public CheckpointPage checkpoints(Integer limit, String cursor, Caller regulator) throws SQLException {
        int size = pageSize(limit);
        List<Checkpoint> page = checkpoints.newestFirst(IdCursor.decode(cursor), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = IdCursor.encode(page.get(size - 1).id());
        }
        audit.record(AuditEntry.of(AuditAction.AUDIT_CHECKPOINTS, Actor.of(regulator, Roles.REGULATOR))
                .quantity(page.size()));
        return new CheckpointPage(signer.keyId(), signer.algorithm(), Ed25519Keys.toPem(signer.publicKey()),
                page.stream().map(c -> CheckpointView.of(c, checkpoints.signatureValid(c).orElse(null))).toList(), next);
    }

    private static AuditEntry asked(AuditAction action, Caller regulator, AuditFilter filter) {
        return AuditEntry.of(action, Actor.of(regulator, Roles.REGULATOR)).vin(filter.vin())
                .range(filter.from(), filter.to()).detail(filter.describe());
    }

    private static Object[] row(StoredEvent stored) {
        AuditEvent e = stored.event();
        return new Object[] { stored.id(), AuditCanonical.instantText(e.occurredAt()), e.requestId(),
                e.actor().subject(), e.actor().role(), e.actor().client(), e.action(), e.outcome(), e.vin(),
                String.join(";", e.categories()), e.rangeFrom() == null ? null : AuditCanonical.instantText(e.rangeFrom()),
                e.rangeTo() == null ? null : AuditCanonical.instantText(e.rangeTo()), e.quantity(), e.detail(),
                AuditCanonical.hex(stored.prevHash()), AuditCanonical.hex(stored.hash()) };
    }

    private int pageSize(Integer limit) {
        int size = limit == null ? config.defaultPageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw QueryParameters.invalid("limit", "limit must be between 1 and " + config.maxPageSize());
        }
        return size;
    }
}
