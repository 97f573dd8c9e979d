package cn.vdp.storage.vehicle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.vin.Vin;
import cn.vdp.storage.security.Caller;

/**
 * The one ownership rule: an owner sees a vehicle only through their own ownership periods, and a vehicle they
 * never owned does not exist for them (404, whether or not it is registered, so VINs cannot be probed).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VehicleAccess {

    /** The caller's ownership periods of this vehicle, oldest first; 404 when there are none. */
    public List<Ownership> requireOwnedPeriods(String vin, Caller owner) {
        List<Ownership> periods = Vin.isValid(vin) ? Ownership.ofOwner(vin, owner.subject()) : List.of();
        if (periods.isEmpty()) {
            throw notVisible(vin);
        }
        return periods;
    }

    /** The windows of recording time the caller may see, newest first, clipped to [from, to). */
    public List<TimeWindow> visibleWindows(String vin, Caller owner, Instant from, Instant to) {
        List<Ownership> periods = requireOwnedPeriods(vin, owner);
        List<TimeWindow> windows = new ArrayList<>();
        for (int i = periods.size() - 1; i >= 0; i--) {
            periods.get(i).window().intersect(from, to).ifPresent(windows::add);
        }
        return windows;
    }

    /** The caller's current period of this vehicle; 404 unless they own it now. */
    public Ownership requireCurrentOwner(String vin, Caller owner) {
        return requireOwnedPeriods(vin, owner).stream()
                .filter(p -> p.validTo == null)
                .findFirst()
                .orElseThrow(() -> notVisible(vin));
    }

    private static ProblemException notVisible(String vin) {
        return ProblemException.notFound("No vehicle " + Vin.masked(vin) + " among your vehicles");
    }
}
