package cn.vdp.storage.vehicle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "vehicle")
public class Vehicle extends PanacheEntityBase {

    @Id
    public String vin;

    @Column(nullable = false)
    public String market;

    @Column(nullable = false)
    public String model;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;
}
