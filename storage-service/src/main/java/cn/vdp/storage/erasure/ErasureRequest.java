package cn.vdp.storage.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An owner's erasure request and, once executed, its receipt. */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String[] vins;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ErasureStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "due_by", nullable = false)
    public LocalDate dueBy;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "rows_deleted")
    public Long rowsDeleted;

    /** JSON of {@link ErasureApi.Erased}; written by the job. */
    @ColumnTransformer(write = "?::jsonb")
    public String erased;

    public String failure;
}
