package cn.vdp.storage.erasure;

import java.util.UUID;

/** Fired inside the transaction that gives up on an erasure request (FAILED), so that audit records it. */
public record ErasureFailed(UUID requestId, String subject, String reason) {
}
