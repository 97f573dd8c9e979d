package cn.vdp.storage.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Fired inside the transaction that registers an export, so that other features (audit) record it atomically. */
public record ExportRegistered(UUID exportId, String subject, List<String> vins, Instant createdAt, long records) {
}
