package cn.vdp.storage.vehicle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.security.Roles;
import cn.vdp.common.vin.Vin;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.vehicle.VehicleApi.OwnedVehicle;
import cn.vdp.storage.vehicle.VehicleApi.Period;
import cn.vdp.storage.vehicle.VehicleApi.RegisterVehicle;
import cn.vdp.storage.vehicle.VehicleApi.Transfer;
import cn.vdp.storage.vehicle.VehicleApi.VehicleView;

/** Registration and transfer of vehicles (operators), and the owners' view of their own vehicles. */
@ApplicationScoped
@Transactional
public class VehicleRegistry {

    public static final ProblemType ALREADY_REGISTERED = new ProblemType("vehicle-already-registered", 409,
            "Vehicle already registered");
    public static final ProblemType SAME_OWNER = new ProblemType("vehicle-already-owned", 409,
            "Vehicle already belongs to this owner");
    private static final int MAX_SUBJECT_LENGTH = 255;
    private static final int MAX_MODEL_LENGTH = 100;

    @Inject
    Clock clock;

    @Inject
    Event<OwnerChanged> ownerChanged;

    @Inject
    VehicleAccess access;

    @Inject
    AuditTrail audit;

    public VehicleView register(RegisterVehicle request, Caller operator) {
        requireValid(request);
        if (Vehicle.findById(request.vin()) != null) {
            throw new ProblemException(ALREADY_REGISTERED, "Vehicle " + request.vin() + " is already registered");
        }
        Instant now = now();
        Vehicle vehicle = new Vehicle();
        vehicle.vin = request.vin();
        vehicle.market = request.market();
        vehicle.model = request.model().strip();
        vehicle.registeredAt = now;
        vehicle.registeredBy = operator.subject();
        vehicle.persist();
        boolean owned = request.ownerSubject() != null && !request.ownerSubject().isBlank();
        if (owned) {
            openPeriod(vehicle.vin, request.ownerSubject().strip(), now);
        }
        audit.record(AuditEntry.of(AuditAction.VEHICLE_REGISTER, Actor.of(operator, Roles.OPERATOR)).vin(vehicle.vin)
                .detail("market=" + vehicle.market + "; owner=" + (owned ? request.ownerSubject().strip() : "none")));
        return view(vehicle);
    }

    public VehicleView transfer(String vin, Transfer request, Caller operator) {
        String newOwner = request == null ? null : request.newOwnerSubject();
        if (newOwner == null || newOwner.isBlank() || newOwner.length() > MAX_SUBJECT_LENGTH) {
            throw ProblemException.invalid("/newOwnerSubject", "newOwnerSubject is required (at most "
                    + MAX_SUBJECT_LENGTH + " characters)");
        }
        Vehicle vehicle = Vehicle.findById(vin, LockModeType.PESSIMISTIC_WRITE);
        if (vehicle == null) {
            throw ProblemException.notFound("No vehicle " + vin + " is registered");
        }
        Instant now = now();
        String previousOwner = null;
        var current = Ownership.current(vin);
        if (current.isPresent()) {
            Ownership period = current.get();
            if (period.ownerSubject.equals(newOwner.strip())) {
                throw new ProblemException(SAME_OWNER, "Vehicle " + vin + " already belongs to this owner");
            }
            // Transfers are serialised by the row lock; the clock has microsecond resolution in the database.
            if (!now.isAfter(period.validFrom)) {
                now = period.validFrom.plus(1, ChronoUnit.MICROS);
            }
            period.validTo = now;
            // Close the period in the database before the new one opens: at most one may be current.
            period.persistAndFlush();
            previousOwner = period.ownerSubject;
        }
        openPeriod(vin, newOwner.strip(), now);
        ownerChanged.fire(new OwnerChanged(vin, previousOwner, newOwner.strip(), now));
        audit.record(AuditEntry.of(AuditAction.VEHICLE_TRANSFER, Actor.of(operator, Roles.OPERATOR)).vin(vin)
                .range(now, null)
                .detail("from=" + (previousOwner == null ? "none" : previousOwner) + "; to=" + newOwner.strip()));
        return view(vehicle);
    }

    public VehicleView operatorView(String vin, Caller operator) {
        Vehicle vehicle = Vehicle.findById(vin);
        if (vehicle == null) {
            throw ProblemException.notFound("No vehicle " + vin + " is registered");
        }
        audit.record(AuditEntry.of(AuditAction.VEHICLE_VIEW, Actor.of(operator, Roles.OPERATOR)).vin(vin));
        return view(vehicle);
    }

    public OwnedVehicle ownerView(String vin, Caller owner) {
        List<Ownership> periods = access.requireOwnedPeriods(vin, owner);
        audit.record(AuditEntry.of(AuditAction.VEHICLE_VIEW, Actor.of(owner, Roles.OWNER)).vin(vin));
        return owned(Vehicle.findById(vin), periods);
    }

    public List<OwnedVehicle> ownedBy(Caller owner) {
        List<OwnedVehicle> vehicles = vehiclesOf(owner);
        audit.record(AuditEntry.of(AuditAction.VEHICLE_LIST, Actor.of(owner, Roles.OWNER)).quantity(vehicles.size()));
        return vehicles;
    }

    /**
     * The vehicles the caller owns or owned, with their periods, not audited: for a feature that audits its own
     * use of them (an export records one event per vehicle, and may run in a read-only transaction).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OwnedVehicle> vehiclesOf(Caller owner) {
        Map<String, List<Ownership>> byVin = new LinkedHashMap<>();
        for (Ownership period : Ownership.allOfOwner(owner.subject())) {
            byVin.computeIfAbsent(period.vin, v -> new ArrayList<>()).add(period);
        }
        List<OwnedVehicle> vehicles = new ArrayList<>();
        byVin.forEach((vin, periods) -> vehicles.add(owned(Vehicle.findById(vin), periods)));
        return vehicles;
    }

    private void openPeriod(String vin, String owner, Instant from) {
        Ownership period = new Ownership();
        period.vin = vin;
        period.ownerSubject = owner;
        period.validFrom = from;
        period.persist();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OwnedVehicle owned(Vehicle vehicle, List<Ownership> periods) {
        boolean current = periods.stream().anyMatch(p -> p.validTo == null);
        return new OwnedVehicle(vehicle.vin, vehicle.market, vehicle.model, current,
                periods.stream().map(p -> new Period(null, p.validFrom, p.validTo)).toList());
    }

    private static VehicleView view(Vehicle vehicle) {
        List<Period> history = Ownership.history(vehicle.vin).stream()
                .map(p -> new Period(p.ownerSubject, p.validFrom, p.validTo)).toList();
        return new VehicleView(vehicle.vin, vehicle.market, vehicle.model, vehicle.registeredAt, history);
    }

    private static void requireValid(RegisterVehicle request) {
        if (request == null) {
            throw ProblemException.invalid("", "A vehicle to register is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Vin.problemWith(request.vin()).ifPresent(p -> errors.add(new FieldError("/vin", p)));
        if (request.market() == null || !request.market().matches("[A-Z]{2}")) {
            errors.add(new FieldError("/market", "market is required: an ISO 3166-1 code such as CN"));
        }
        if (request.model() == null || request.model().isBlank() || request.model().length() > MAX_MODEL_LENGTH) {
            errors.add(new FieldError("/model", "model is required (at most " + MAX_MODEL_LENGTH + " characters)"));
        }
        if (request.ownerSubject() != null && request.ownerSubject().length() > MAX_SUBJECT_LENGTH) {
            errors.add(new FieldError("/ownerSubject", "ownerSubject is at most " + MAX_SUBJECT_LENGTH
                    + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The vehicle cannot be registered", errors);
        }
    }
}
