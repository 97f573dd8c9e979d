package cn.vdp.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Hands events to audit_append (R__audit_append.sql) in one statement. Inside a transaction it runs on that
 * transaction's connection, and the chain's head stays locked from here to the commit, so it runs last
 * (AuditTrail). Plain JDBC: one round trip under the lock. Reads do not come here: they stage their events
 * (ReadEventStager).
 */
@ApplicationScoped
class AuditAppender {

    @Inject
    AgroalDataSource dataSource;

    /** Returns the id of the last event appended. */
    long append(List<AuditEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement call = connection.prepareStatement("SELECT audit_append(?::jsonb)")) {
            call.setString(1, json(events));
            try (ResultSet result = call.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The events as audit_append reads them: a JSON array of {@link #json(AuditEvent)}. */
    static String json(List<AuditEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 600).append('[');
        for (AuditEvent e : events) {
            object(out.append(out.length() == 1 ? "" : ","), e);
        }
        return out.append(']').toString();
    }

    /** One event as audit_append and the stage (audit_staged) read it: its fields and its canonical body. */
    static String json(AuditEvent event) {
        return object(new StringBuilder(600), event).toString();
    }

    private static StringBuilder object(StringBuilder out, AuditEvent e) {
        out.append('{');
        field(out, "body", AuditCanonical.body(e)).append(',');
        field(out, "occurredAt", instant(e.occurredAt())).append(',');
        field(out, "requestId", e.requestId()).append(',');
        field(out, "actorSubject", e.actor().subject()).append(',');
        field(out, "actorRole", e.actor().role()).append(',');
        field(out, "actorClient", e.actor().client()).append(',');
        field(out, "action", e.action()).append(',');
        field(out, "outcome", e.outcome()).append(',');
        field(out, "vin", e.vin()).append(",\"categories\":[");
        for (int i = 0; i < e.categories().size(); i++) {
            AuditCanonical.string(out.append(i == 0 ? "" : ","), e.categories().get(i));
        }
        out.append("],");
        field(out, "rangeFrom", instant(e.rangeFrom())).append(',');
        field(out, "rangeTo", instant(e.rangeTo())).append(',');
        out.append("\"quantity\":").append(e.quantity() == null ? "null" : e.quantity().toString()).append(',');
        return field(out, "detail", e.detail()).append('}');
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        return AuditCanonical.string(out.append('"').append(name).append("\":"), value);
    }

    private static String instant(Instant value) {
        return value == null ? null : AuditCanonical.instantText(value);
    }
}
