package cn.vdp.storage.erasure;

import java.util.List;
import java.util.UUID;

/** Fired inside the transaction that accepts an erasure request (audit records it; the job starts after commit). */
public record ErasureRequested(UUID requestId, String subject, List<String> vins) {
}
