package cn.vdp.storage.export;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One export handed to an owner: what it covered and the hash of its manifest. Erasure removes these. */
@Entity
@Table(name = "export_record")
public class ExportRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String[] vins;

    @Column(name = "manifest_sha256", nullable = false)
    public String manifestSha256;

    @Column(name = "file_count", nullable = false)
    public int fileCount;

    @Column(nullable = false)
    public long records;
}
