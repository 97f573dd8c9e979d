package cn.vdp.storage.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.storage.erasure.ErasureApi.ErasureBody;
import cn.vdp.storage.erasure.ErasureApi.ErasureView;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.vehicle.Ownership;
import cn.vdp.storage.vehicle.VehicleAccess;

/** Accepts owners' erasure requests and shows them their receipts; the job executes them. */
@ApplicationScoped
@Transactional
public class ErasureService {

    @Inject
    VehicleAccess access;

    @Inject
    ErasureConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<ErasureRequested> requested;

    @Inject
    ObjectMapper json;

    /** Every VIN must be one the caller owns or owned (404 otherwise); none means all of them. */
    public ErasureView request(ErasureBody body, Caller owner) {
        List<String> asked = body == null || body.vins() == null ? List.of() : body.vins();
        if (asked.size() > config.maxVins()) {
            throw ProblemException.invalid("/vins", "at most " + config.maxVins() + " VINs per request");
        }
        Set<String> vins = new TreeSet<>();
        if (asked.isEmpty()) {
            Ownership.allOfOwner(owner.subject()).forEach(period -> vins.add(period.vin));
        } else {
            for (String vin : asked) {
                access.requireOwnedPeriods(vin, owner);
                vins.add(vin);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ErasureRequest request = new ErasureRequest();
        request.id = UUID.randomUUID();
        request.subject = owner.subject();
        request.vins = vins.toArray(String[]::new);
        request.status = ErasureStatus.PENDING;
        request.requestedAt = now;
        request.dueBy = workingDays().after(now.atZone(config.zone()).toLocalDate(), config.deadlineWorkingDays());
        request.nextAttemptAt = now;
        request.persist();
        requested.fire(new ErasureRequested(request.id, request.subject, List.copyOf(vins)));
        return view(request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ErasureView> mine(Caller owner) {
        return ErasureRequest.<ErasureRequest>list("subject = ?1 order by requestedAt desc", owner.subject()).stream()
                .map(this::view).toList();
    }

    /** The caller's own request; any other id is 404, whether or not it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ErasureView one(String id, Caller owner) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No erasure request " + id + " of yours");
        }
        ErasureRequest request = ErasureRequest.findById(uuid);
        if (request == null || !request.subject.equals(owner.subject())) {
            throw ProblemException.notFound("No erasure request " + id + " of yours");
        }
        return view(request);
    }

    WorkingDays workingDays() {
        return new WorkingDays(config.holidays().orElse(Set.of()), config.workingWeekendDays().orElse(Set.of()));
    }

    private ErasureView view(ErasureRequest request) {
        return new ErasureView(request.id, request.status, request.requestedAt, request.dueBy,
                Arrays.asList(request.vins), request.startedAt, request.completedAt, request.rowsDeleted,
                erased(request.erased), request.failure);
    }

    private ErasureApi.Erased erased(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, ErasureApi.Erased.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored erasure receipt is not JSON", e);
        }
    }
}
