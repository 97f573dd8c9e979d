package cn.vdp.storage.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.security.Roles;
import cn.vdp.common.signal.Category;
import cn.vdp.common.vin.Vin;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.consent.ConsentApi.ConsentChange;
import cn.vdp.storage.consent.ConsentApi.ConsentView;
import cn.vdp.storage.consent.ConsentApi.LiveConsent;
import cn.vdp.storage.consent.ConsentApi.LiveConsents;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.vehicle.OwnerChanged;
import cn.vdp.storage.vehicle.VehicleAccess;

/**
 * Consent for the sensitive categories: off unless the current owner turned it on, always with an end date. A
 * new owner starts with everything off.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    /** The detail of a consent change's audit event (the compliance report counts them). */
    public static final String GRANTED = "granted";
    public static final String WITHDRAWN = "withdrawn";

    @Inject
    VehicleAccess access;

    @Inject
    ConsentConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public List<ConsentView> list(String vin, Caller owner) {
        access.requireCurrentOwner(vin, owner);
        List<ConsentView> views = views(vin);
        audit.record(AuditEntry.of(AuditAction.CONSENT_LIST, Actor.of(owner, Roles.OWNER)).vin(vin)
                .categories(views.stream().map(ConsentView::category).toList()));
        return views;
    }

    /**
     * The vehicle's consents, not audited and without the ownership check: for a feature that checked ownership and
     * audits its own use (an export, in a read-only transaction).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentView> views(String vin) {
        Map<String, Consent> stored = new HashMap<>();
        Consent.ofVehicle(vin).forEach(c -> stored.put(c.category, c));
        Instant now = clock.instant();
        List<ConsentView> views = new ArrayList<>();
        for (Category category : Category.values()) {
            if (category.consentRequired()) {
                Consent consent = stored.get(category.code());
                views.add(consent == null ? new ConsentView(category.code(), false, null, false, null) : view(consent, now));
            }
        }
        return views;
    }

    public ConsentView change(String vin, String categoryCode, ConsentChange change, Caller owner) {
        access.requireCurrentOwner(vin, owner);
        Category category = sensitiveCategory(categoryCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        requireValid(change, now);
        Consent consent = Consent.<Consent>find("vin = ?1 and category = ?2", vin, category.code())
                .firstResultOptional().orElseGet(() -> {
                    Consent fresh = new Consent();
                    fresh.vin = vin;
                    fresh.category = category.code();
                    return fresh;
                });
        consent.granted = change.granted();
        consent.expiresAt = change.granted() ? change.expiresAt().truncatedTo(ChronoUnit.MICROS) : null;
        consent.updatedAt = now;
        consent.updatedBy = owner.subject();
        consent.persist();
        audit.record(AuditEntry.of(AuditAction.CONSENT_CHANGE, Actor.of(owner, Roles.OWNER)).vin(vin)
                .categories(List.of(category.code())).range(now, consent.expiresAt)
                .detail(consent.granted ? GRANTED : WITHDRAWN));
        return view(consent, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveConsents live(List<String> vins) {
        if (vins == null || vins.isEmpty() || vins.size() > config.maxVinsPerQuery()) {
            throw ProblemException.invalid("/vins", "between 1 and " + config.maxVinsPerQuery() + " VINs");
        }
        Optional<String> bad = vins.stream().filter(v -> !Vin.isValid(v)).findFirst();
        if (bad.isPresent()) {
            throw ProblemException.invalid("/vins", "not a valid VIN: " + bad.get());
        }
        Instant now = clock.instant();
        Map<String, List<LiveConsent>> live = new HashMap<>();
        vins.forEach(v -> live.put(v, new ArrayList<>()));
        for (Consent consent : Consent.ofVehicles(vins)) {
            if (consent.liveAt(now)) {
                live.get(consent.vin).add(new LiveConsent(consent.category, consent.expiresAt));
            }
        }
        return new LiveConsents(now, live);
    }

    /** A new owner starts with every sensitive category off: the previous owner's choices are not theirs. */
    void onOwnerChanged(@Observes OwnerChanged change) {
        Consent.delete("vin", change.vin());
    }

    private void requireValid(ConsentChange change, Instant now) {
        if (change == null) {
            throw ProblemException.invalid("", "a consent change is required");
        }
        if (!change.granted()) {
            return;
        }
        if (change.expiresAt() == null || !change.expiresAt().isAfter(now)) {
            throw ProblemException.invalid("/expiresAt", "expiresAt is required and must lie in the future");
        }
        if (change.expiresAt().isAfter(now.plus(config.maxDuration()))) {
            throw ProblemException.invalid("/expiresAt",
                    "consent can be given for at most " + config.maxDuration().toDays() + " days at once");
        }
    }

    private static Category sensitiveCategory(String code) {
        return Category.fromCode(code).filter(Category::consentRequired)
                .orElseThrow(() -> ProblemException.notFound("'" + code + "' is not a category that needs consent"));
    }

    private static ConsentView view(Consent consent, Instant now) {
        return new ConsentView(consent.category, consent.granted, consent.expiresAt, consent.liveAt(now),
                consent.updatedAt);
    }
}
