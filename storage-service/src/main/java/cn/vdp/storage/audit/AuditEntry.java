package cn.vdp.storage.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.vdp.common.signal.Category;

/**
 * An event being described by the feature that acts; {@link AuditTrail} stamps it with the time and the request
 * id. Short-lived, one per action.
 */
public final class AuditEntry {

    private static final List<String> ALL_CATEGORIES = Arrays.stream(Category.values()).map(Category::code).toList();

    private final AuditAction action;
    private final Actor actor;
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private String vin;
    private List<String> categories = List.of();
    private Instant rangeFrom;
    private Instant rangeTo;
    private Long quantity;
    private String detail;
    private String requestId;

    private AuditEntry(AuditAction action, Actor actor) {
        this.action = action;
        this.actor = actor;
    }

    public static AuditEntry of(AuditAction action, Actor actor) {
        return new AuditEntry(action, actor);
    }

    public AuditEntry outcome(AuditOutcome value) {
        outcome = value;
        return this;
    }

    public AuditEntry vin(String value) {
        vin = value;
        return this;
    }

    public AuditEntry categories(Collection<String> codes) {
        categories = List.copyOf(codes);
        return this;
    }

    /** Every category of the catalogue: for actions that give out or remove whatever was recorded. */
    public AuditEntry allCategories() {
        categories = ALL_CATEGORIES;
        return this;
    }

    public AuditEntry range(Instant from, Instant to) {
        rangeFrom = from;
        rangeTo = to;
        return this;
    }

    public AuditEntry quantity(long value) {
        quantity = value;
        return this;
    }

    public AuditEntry detail(String value) {
        detail = value;
        return this;
    }

    /** The request this happened in, when it cannot be known from the current thread. */
    public AuditEntry requestId(String value) {
        requestId = value;
        return this;
    }

    AuditEvent at(Instant occurredAt, String currentRequestId) {
        return new AuditEvent(occurredAt, requestId != null ? requestId : currentRequestId, actor, action.code(),
                outcome.code(), vin, categories, rangeFrom,
                rangeTo, quantity, detail);
    }
}
