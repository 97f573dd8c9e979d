package cn.vdp.storage.vehicle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One period during which one subject owned one vehicle; validTo is null while it lasts. */
@Entity
@Table(name = "ownership")
public class Ownership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String vin;

    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    public static Optional<Ownership> current(String vin) {
        return find("vin = ?1 and validTo is null", vin).firstResultOptional();
    }

    public static List<Ownership> history(String vin) {
        return list("vin = ?1 order by validFrom", vin);
    }

    public static List<Ownership> ofOwner(String vin, String subject) {
        return list("vin = ?1 and ownerSubject = ?2 order by validFrom", vin, subject);
    }

    public static List<Ownership> allOfOwner(String subject) {
        return list("ownerSubject = ?1 order by vin, validFrom", subject);
    }
}
