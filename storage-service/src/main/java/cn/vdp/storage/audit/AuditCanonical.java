package cn.vdp.storage.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The canonical content of an audit event and the chain's hash, defined here once so that anyone can recompute
 * them from the stored fields.
 *
 * <h2>Canonical content (version 1)</h2>
 * A JSON array, UTF-8, without any whitespace, of exactly these 14 values in this order:
 * <ol>
 * <li>id (integer, decimal)</li>
 * <li>occurred_at</li>
 * <li>request_id</li>
 * <li>actor_subject</li>
 * <li>actor_role</li>
 * <li>actor_client</li>
 * <li>action</li>
 * <li>outcome</li>
 * <li>vin</li>
 * <li>categories: an array of strings, sorted by code point, possibly empty</li>
 * <li>range_from</li>
 * <li>range_to</li>
 * <li>quantity (integer, decimal)</li>
 * <li>detail</li>
 * </ol>
 * An absent value is the literal {@code null}. Instants are strings {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} in UTC with
 * exactly six fraction digits. Strings are escaped as in RFC 8785 (JCS): {@code \"} and {@code \\}, the short
 * forms {@code \b \f \n \r \t}, other characters below U+0020 as {@code \}{@code u00xx} (lower-case hex), every
 * other character as itself. For example:
 *
 * <pre>
 * [42,"2026-11-21T08:00:00.123456Z","req-1","alice","owner","vdp-portal","telemetry.read","success",
 *  "LRW3E7FS5PC123456",["battery","vehicle_state"],"2026-11-20T00:00:00.000000Z","2026-11-21T00:00:00.000000Z",
 *  100,null]
 * </pre>
 * (one line in reality).
 *
 * <h2>Hash chain</h2>
 * {@code hash(n) = SHA-256(hash(n-1) || canonical(n))}, raw 32-byte digests concatenated with the UTF-8 bytes,
 * {@code hash(0)} = 32 zero bytes. Each row stores its {@code prev_hash} (= hash(n-1)) and {@code hash}. Ids start at
 * 1 and have no gaps.
 */
public final class AuditCanonical {

    public static final byte[] GENESIS = new byte[32];
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AuditCanonical() {
    }

    /** The canonical content of event {@code id}. */
    public static String of(long id, AuditEvent event) {
        return "[" + id + "," + body(event);
    }

    /** Everything after the id: what audit_append prefixes with {@code [id,}. */
    static String body(AuditEvent e) {
        StringBuilder out = new StringBuilder(256);
        instant(out, e.occurredAt()).append(',');
        string(out, e.requestId()).append(',');
        string(out, e.actor().subject()).append(',');
        string(out, e.actor().role()).append(',');
        string(out, e.actor().client()).append(',');
        string(out, e.action()).append(',');
        string(out, e.outcome()).append(',');
        string(out, e.vin()).append(",[");
        for (int i = 0; i < e.categories().size(); i++) {
            string(out.append(i == 0 ? "" : ","), e.categories().get(i));
        }
        out.append("],");
        instant(out, e.rangeFrom()).append(',');
        instant(out, e.rangeTo()).append(',');
        out.append(e.quantity() == null ? "null" : e.quantity().toString()).append(',');
        string(out, e.detail());
        return out.append(']').toString();
    }

    public static byte[] hash(byte[] previous, long id, AuditEvent event) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(of(id, event).getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    public static String instantText(Instant instant) {
        return INSTANT.format(instant);
    }

    /** Appends a JSON string (RFC 8785 escaping) or null. */
    static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static StringBuilder instant(StringBuilder out, Instant value) {
        return value == null ? out.append("null") : out.append('"').append(INSTANT.format(value)).append('"');
    }

    public static String hex(byte[] bytes) {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[i * 2] = HEX[(bytes[i] >> 4) & 0xF];
            text[i * 2 + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(text);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
