package cn.vdp.storage.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The canonical content is a published format: these tests pin it down exactly as AuditCanonical documents it. */
class AuditCanonicalTest {

    private static final AuditEvent READ = new AuditEvent(Instant.parse("2026-11-21T08:00:00.123456789Z"), "req-1",
            new Actor("alice", "owner", "vdp-portal"), "telemetry.read", "success", "LRW3E7FS5PC123456",
            List.of("vehicle_state", "battery", "battery"), Instant.parse("2026-11-20T00:00:00Z"),
            Instant.parse("2026-11-21T00:00:00Z"), 100L, null);

    @Test
    void canonicalContentIsTheDocumentedJsonArray() {
        assertEquals("[42,\"2026-11-21T08:00:00.123456Z\",\"req-1\",\"alice\",\"owner\",\"vdp-portal\","
                + "\"telemetry.read\",\"success\",\"LRW3E7FS5PC123456\",[\"battery\",\"vehicle_state\"],"
                + "\"2026-11-20T00:00:00.000000Z\",\"2026-11-21T00:00:00.000000Z\",100,null]",
                AuditCanonical.of(42, READ));
    }

    @Test
    void hashIsSha256OfThePreviousHashFollowedByTheCanonicalBytes() throws Exception {
        byte[] previous = new byte[32];
        previous[0] = 7;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(previous);
        sha.update(AuditCanonical.of(42, READ).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(sha.digest(), AuditCanonical.hash(previous, 42, READ));
    }

    @Test
    void stringsAreEscapedAsInJcsAndAbsentValuesAreNull() {
        AuditEvent odd = new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), null,
                new Actor("quote\" back\\ tab\t nl\n unit\u001f zero\u0000 han字", "owner", null), "vehicle.list",
                "success", null, List.of(), null, null, null, "d");
        assertEquals("[1,\"2026-01-01T00:00:00.000000Z\",null,"
                + "\"quote\\\" back\\\\ tab\\t nl\\n unit\\u001f zero\uFFFD han字\",\"owner\",null,\"vehicle.list\","
                + "\"success\",null,[],null,null,null,\"d\"]", AuditCanonical.of(1, odd));
    }

    @Test
    void eventsAreNormalisedToWhatTheDatabaseKeeps() {
        AuditEvent far = new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), null, new Actor("a", "owner", null),
                "telemetry.read", "success", null, null, Instant.MIN, Instant.parse("+20000-01-01T00:00:00Z"), null,
                "x".repeat(5000));
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), far.rangeFrom());
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"), far.rangeTo());
        assertEquals(AuditEvent.MAX_DETAIL, far.detail().length());
        assertEquals(List.of(), far.categories());
    }

    @Test
    void auditCannotBeSwitchedOffUnderTheProdProfile() {
        assertThrows(IllegalStateException.class, () -> AuditStartupCheck.refuseDisabledInProd(false, List.of("prod")));
        assertDoesNotThrow(() -> AuditStartupCheck.refuseDisabledInProd(true, List.of("prod")));
        assertDoesNotThrow(() -> AuditStartupCheck.refuseDisabledInProd(false, List.of("bench")));
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row("=HYPERLINK(\"x\")", "plain", "a,b", null, 5, "-1");
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",plain,\"a,b\",,5,\"'-1\"\r\n", out.toString());
    }
}
