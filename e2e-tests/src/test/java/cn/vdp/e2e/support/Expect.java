package cn.vdp.e2e.support;

import static cn.vdp.e2e.support.Identity.ANONYMOUS;
import static cn.vdp.e2e.support.Identity.EXPIRED;
import static cn.vdp.e2e.support.Identity.INGEST;
import static cn.vdp.e2e.support.Identity.OPERATOR;
import static cn.vdp.e2e.support.Identity.OTHER_ISSUER;
import static cn.vdp.e2e.support.Identity.OWNER_A;
import static cn.vdp.e2e.support.Identity.OWNER_B;
import static cn.vdp.e2e.support.Identity.REGULATOR;
import static cn.vdp.e2e.support.Identity.TAMPERED;
import static cn.vdp.e2e.support.Identity.UNSIGNED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The expected status of one endpoint for every identity, built from what the design says: no or a bad token
 * (expired, other issuer, unsigned, tampered) is 401; a valid token without the role is 403; a vehicle the caller
 * does not own is 404 (the same as an unknown one).
 */
public final class Expect {

    public static final List<Identity> INVALID = List.of(ANONYMOUS, EXPIRED, OTHER_ISSUER, UNSIGNED, TAMPERED);
    public static final List<Identity> VALID = List.of(OWNER_A, OWNER_B, REGULATOR, OPERATOR, INGEST);

    private final Map<Identity, Integer> status = new EnumMap<>(Identity.class);

    private Expect() {
    }

    /** Token required; the given identities get the given statuses, every other valid one 403. */
    public static Expect only(Object... identityThenStatus) {
        Expect expect = new Expect();
        INVALID.forEach(who -> expect.status.put(who, 401));
        VALID.forEach(who -> expect.status.put(who, 403));
        return expect.but(identityThenStatus);
    }

    /** Token required, any role: every valid identity gets {@code ok}. */
    public static Expect anyValidToken(int ok) {
        Expect expect = only();
        VALID.forEach(who -> expect.status.put(who, ok));
        return expect;
    }

    /** The owners' endpoints about owner A's vehicle: A gets {@code ok}, B 404 (not theirs), other roles 403. */
    public static Expect ownerOfTheVehicle(int ok) {
        return only(OWNER_A, ok, OWNER_B, 404);
    }

    /** Everyone gets {@code status} whatever token they bring (public, or decided by something else than a token). */
    public static Expect everyone(int status) {
        Expect expect = new Expect();
        for (Identity who : Identity.values()) {
            expect.status.put(who, status);
        }
        return expect;
    }

    /** The same, except for the given identities (identity, status, identity, status, ...). */
    public Expect but(Object... identityThenStatus) {
        Expect expect = new Expect();
        expect.status.putAll(status);
        for (int i = 0; i < identityThenStatus.length; i += 2) {
            expect.status.put((Identity) identityThenStatus[i], (Integer) identityThenStatus[i + 1]);
        }
        return expect;
    }

    /** The same, except that a bad token (expired, other issuer, unsigned, tampered) is refused with 401. */
    public Expect butBadTokensRefused() {
        Expect expect = but();
        INVALID.stream().filter(who -> who != ANONYMOUS).forEach(who -> expect.status.put(who, 401));
        return expect;
    }

    public int of(Identity who) {
        return status.get(who);
    }
}
