package cn.vdp.storage.vehicle;

import java.time.Instant;

/** Fired inside the transfer's transaction, so that other features (consent, audit) act atomically with it. */
public record OwnerChanged(String vin, String previousOwner, String newOwner, Instant at) {
}
