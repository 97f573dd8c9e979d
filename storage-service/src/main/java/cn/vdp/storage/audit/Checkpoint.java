package cn.vdp.storage.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement "the chain had {@code eventCount} events and its last one, {@code headId}, had hash
 * {@code headHash}". The signature covers {@link #signedContent()}: UTF-8 text of these lines, each ending in a
 * line feed:
 *
 * <pre>
 * vdp-cn audit checkpoint v1
 * head_id=&lt;decimal&gt;
 * head_hash=&lt;64 lower-case hex digits&gt;
 * event_count=&lt;decimal&gt;
 * created_at=&lt;yyyy-MM-ddTHH:mm:ss.SSSSSSZ&gt;
 * key_id=&lt;key id&gt;
 * </pre>
 */
public record Checkpoint(long id, Instant createdAt, long headId, byte[] headHash, long eventCount, String keyId,
        String algorithm, byte[] signature) {

    public static byte[] signedContent(long headId, byte[] headHash, long eventCount, Instant createdAt, String keyId) {
        return ("vdp-cn audit checkpoint v1\n"
                + "head_id=" + headId + "\n"
                + "head_hash=" + AuditCanonical.hex(headHash) + "\n"
                + "event_count=" + eventCount + "\n"
                + "created_at=" + AuditCanonical.instantText(createdAt) + "\n"
                + "key_id=" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedContent() {
        return signedContent(headId, headHash, eventCount, createdAt, keyId);
    }
}
