package cn.vdp.storage.erasure;

import java.time.Instant;
import java.util.UUID;

/** Fired inside the transaction that executes an erasure, so that audit records it atomically with the deletion. */
public record ErasureCompleted(UUID requestId, String subject, Instant completedAt, ErasureApi.Erased erased) {
}
