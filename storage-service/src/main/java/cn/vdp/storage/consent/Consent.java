package cn.vdp.storage.consent;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The owner's choice for one vehicle and one sensitive category. */
@Entity
@Table(name = "consent")
@IdClass(Consent.Key.class)
public class Consent extends PanacheEntityBase {

    @Id
    public String vin;

    @Id
    public String category;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Given, and its expiry still ahead. */
    public boolean liveAt(Instant now) {
        return granted && expiresAt != null && expiresAt.isAfter(now);
    }

    public static List<Consent> ofVehicle(String vin) {
        return list("vin", vin);
    }

    public static List<Consent> ofVehicles(List<String> vins) {
        return list("vin in ?1", vins);
    }

    public static class Key implements Serializable {
        public String vin;
        public String category;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(vin, key.vin) && Objects.equals(category, key.category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(vin, category);
        }
    }
}
