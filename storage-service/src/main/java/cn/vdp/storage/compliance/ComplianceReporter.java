package cn.vdp.storage.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import cn.vdp.common.signal.Category;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditApi.Verification;
import cn.vdp.storage.audit.AuditOutcome;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.audit.ChainVerifier;
import cn.vdp.storage.compliance.ComplianceApi.Access;
import cn.vdp.storage.compliance.ComplianceApi.CategoryFigures;
import cn.vdp.storage.compliance.ComplianceApi.Erasure;
import cn.vdp.storage.compliance.ComplianceApi.ConsentFigures;
import cn.vdp.storage.compliance.ComplianceApi.MarketCount;
import cn.vdp.storage.compliance.ComplianceApi.Owners;
import cn.vdp.storage.compliance.ComplianceApi.Refusals;
import cn.vdp.storage.compliance.ComplianceApi.Report;
import cn.vdp.storage.compliance.ComplianceApi.Storage;
import cn.vdp.storage.compliance.ComplianceApi.Vehicles;
import cn.vdp.storage.consent.ConsentService;
import cn.vdp.storage.erasure.ErasureConfig;
import cn.vdp.storage.residency.ResidencyGuard;
import cn.vdp.storage.residency.ResidencyStatus;
import cn.vdp.storage.retention.RetentionConfig;

/**
 * Computes the yearly report from live data. All figures are read in one read-only REPEATABLE READ transaction,
 * so they agree with each other; the chain is verified afterwards. Plain JDBC: aggregates over the partitioned
 * telemetry and the trail, nothing to map to entities.
 */
@ApplicationScoped
public class ComplianceReporter {

    /** The month and day the report is due (to the provincial regulator). */
    static final int DUE_MONTH = 12;
    static final int DUE_DAY = 15;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RetentionConfig retention;

    @Inject
    ResidencyGuard residency;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditTrail audit;

    @Inject
    ErasureConfig erasureConfig;

    @Inject
    Clock clock;

    public Report generate(int year) throws SQLException {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        audit.catchUp(); // the access figures count the reads that answered until now
        Instant now = clock.instant();
        Vehicles vehicles;
        Owners owners;
        List<CategoryFigures> categories;
        List<ConsentFigures> consent;
        List<Refusals> refusals;
        List<Access> access;
        Erasure erasure;
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Queries q = new Queries(connection, from, to);
                vehicles = vehicles(q);
                owners = owners(q);
                categories = categories(q);
                consent = consent(q, now);
                erasure = erasure(q, now);
                refusals = refusals(q);
                access = access(q);
            } finally {
                connection.rollback(); // read only: nothing to keep
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        }
        Verification chain = verifier.verify();
        ResidencyStatus where = residency.status();
        Storage storage = new Storage(where.allowedRegions(), where.region().orElse(null), where.source().tag(),
                where.node().orElse(null), where.allowed(), where.checkedAt());
        return new Report(year, from, to, LocalDate.of(year, DUE_MONTH, DUE_DAY), now, storage, vehicles, owners,
                categories, consent, erasure, refusals, access, chain);
    }

    private static Vehicles vehicles(Queries q) throws SQLException {
        long[] counts = q.longs("SELECT count(*), count(*) FILTER (WHERE registered_at >= ?1 AND registered_at < ?2) "
                + "FROM vehicle");
        List<MarketCount> byMarket = new ArrayList<>();
        for (Object[] row : q.rows("SELECT market, count(*) FROM vehicle GROUP BY market ORDER BY market")) {
            byMarket.add(new MarketCount((String) row[0], (Long) row[1]));
        }
        long withData = q.longs("SELECT count(DISTINCT vin) FROM telemetry WHERE recorded_at >= ?1 AND recorded_at < ?2")[0];
        return new Vehicles(counts[0], byMarket, counts[1], withData);
    }

    private static Owners owners(Queries q) throws SQLException {
        long[] counts = q.longs("SELECT count(DISTINCT owner_subject) FILTER (WHERE valid_from < ?2 "
                + "AND (valid_to IS NULL OR valid_to > ?1)), count(DISTINCT owner_subject) FILTER (WHERE valid_to IS NULL) "
                + "FROM ownership");
        long transfers = q.longs(auditCount(AuditAction.VEHICLE_TRANSFER))[0];
        return new Owners(counts[0], counts[1], transfers);
    }

    private List<CategoryFigures> categories(Queries q) throws SQLException {
        Map<String, Object[]> held = q.byFirstColumn("""
                SELECT category, count(*) FILTER (WHERE recorded_at >= ?1 AND recorded_at < ?2),
                       count(DISTINCT vin) FILTER (WHERE recorded_at >= ?1 AND recorded_at < ?2),
                       count(*), min(recorded_at)
                FROM telemetry GROUP BY category""");
        Map<String, Object[]> purged = q.byFirstColumn("SELECT c, sum(quantity)::bigint FROM audit_event, "
                + "unnest(categories) c WHERE action = '" + AuditAction.RETENTION_PURGE.code() + "' "
                + "AND occurred_at >= ?1 AND occurred_at < ?2 GROUP BY c");
        List<CategoryFigures> figures = new ArrayList<>();
        for (Category category : Category.values()) {
            Object[] row = held.getOrDefault(category.code(), new Object[] { null, 0L, 0L, 0L, null });
            long bytes = q.longs("SELECT coalesce(sum(pg_total_relation_size(i.inhrelid)), 0)::bigint "
                    + "FROM pg_inherits i WHERE i.inhparent = to_regclass('telemetry_" + category.code() + "')")[0];
            OffsetDateTime oldest = (OffsetDateTime) row[4];
            figures.add(new CategoryFigures(category.code(), category.consentRequired(),
                    retention.of(category).toString(), (Long) row[1], (Long) row[2],
                    purged.containsKey(category.code()) ? (Long) purged.get(category.code())[1] : 0L, (Long) row[3],
                    bytes, oldest == null ? null : oldest.toInstant()));
        }
        return figures;
    }

    private static List<ConsentFigures> consent(Queries q, Instant now) throws SQLException {
        Map<String, Object[]> live = q.byFirstColumn("SELECT category, count(*) FROM consent "
                + "WHERE granted AND expires_at > ?3 GROUP BY category", now);
        Map<String, Object[]> changes = q.byFirstColumn("SELECT c, count(*) FILTER (WHERE detail = '"
                + ConsentService.GRANTED + "'), count(*) FILTER (WHERE detail = '" + ConsentService.WITHDRAWN + "') "
                + "FROM audit_event, unnest(categories) c WHERE action = '" + AuditAction.CONSENT_CHANGE.code()
                + "' AND outcome = '" + AuditOutcome.SUCCESS.code() + "' AND occurred_at >= ?1 AND occurred_at < ?2 "
                + "GROUP BY c");
        List<ConsentFigures> figures = new ArrayList<>();
        for (Category category : Category.values()) {
            if (category.consentRequired()) {
                Object[] change = changes.getOrDefault(category.code(), new Object[] { null, 0L, 0L });
                figures.add(new ConsentFigures(category.code(),
                        live.containsKey(category.code()) ? (Long) live.get(category.code())[1] : 0L,
                        (Long) change[1], (Long) change[2]));
            }
        }
        return figures;
    }

    /**
     * Requests made in the year. Overdue: completed on a later day than due, or still not completed today past its
     * due day (days in the erasure deadline's zone, as dueBy is counted).
     */
    private Erasure erasure(Queries q, Instant now) throws SQLException {
        Object[] row = q.rows("""
                SELECT count(*), count(*) FILTER (WHERE status = 'COMPLETED'),
                       count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING')), count(*) FILTER (WHERE status = 'FAILED'),
                       count(*) FILTER (WHERE (coalesce(completed_at, ?4) AT TIME ZONE ?3)::date > due_by),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - requested_at))
                           FILTER (WHERE status = 'COMPLETED') / 3600,
                       max(extract(epoch FROM completed_at - requested_at)) FILTER (WHERE status = 'COMPLETED')::float8 / 3600
                FROM erasure_request WHERE requested_at >= ?1 AND requested_at < ?2""",
                erasureConfig.zone().getId(), now).get(0);
        return new Erasure(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), (Double) row[5], (Double) row[6]);
    }

    /** Reads the reason from the refusal events' detail ("reason=...; seq=a..b", see telemetry.RefusalAudit). */
    private static List<Refusals> refusals(Queries q) throws SQLException {
        List<Refusals> refusals = new ArrayList<>();
        for (Object[] row : q.rows("SELECT substring(detail from '^reason=([^;]+)') r, sum(quantity)::bigint, "
                + "count(DISTINCT vin) FROM audit_event WHERE action = '" + AuditAction.TELEMETRY_REFUSED.code()
                + "' AND occurred_at >= ?1 AND occurred_at < ?2 GROUP BY r ORDER BY r")) {
            refusals.add(new Refusals((String) row[0], (Long) row[1], (Long) row[2]));
        }
        return refusals;
    }

    private static List<Access> access(Queries q) throws SQLException {
        List<Access> access = new ArrayList<>();
        for (Object[] row : q.rows("SELECT actor_role, action, outcome, count(*), count(DISTINCT actor_subject) "
                + "FROM audit_event WHERE occurred_at >= ?1 AND occurred_at < ?2 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")) {
            access.add(new Access((String) row[0], (String) row[1], (String) row[2], (Long) row[3], (Long) row[4]));
        }
        return access;
    }

    private static String auditCount(AuditAction action) {
        return "SELECT count(*) FROM audit_event WHERE action = '" + action.code() + "' AND outcome = '"
                + AuditOutcome.SUCCESS.code() + "' AND occurred_at >= ?1 AND occurred_at < ?2";
    }

    /**
     * Runs the report's queries on its one connection. Placeholders ?1 and ?2 are the year's start and end, ?3 an
     * extra parameter (JDBC has positional parameters only, so they are expanded here).
     */
    private record Queries(Connection connection, Instant from, Instant to) {

        long[] longs(String sql) throws SQLException {
            Object[] row = rows(sql).get(0);
            long[] values = new long[row.length];
            for (int i = 0; i < row.length; i++) {
                values[i] = ((Number) row[i]).longValue();
            }
            return values;
        }

        Map<String, Object[]> byFirstColumn(String sql, Object... extra) throws SQLException {
            Map<String, Object[]> byKey = new HashMap<>();
            for (Object[] row : rows(sql, extra)) {
                byKey.put((String) row[0], row);
            }
            return byKey;
        }

        List<Object[]> rows(String sql, Object... extra) throws SQLException {
            List<Object> parameters = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '?' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                    int n = sql.charAt(++i) - '0';
                    parameters.add(n == 1 ? from : n == 2 ? to : extra[n - 3]);
                    jdbc.append('?');
                } else {
                    jdbc.append(c);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(jdbc.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    query.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = result.getObject(c + 1) instanceof java.sql.Timestamp
                                    ? result.getObject(c + 1, OffsetDateTime.class) : result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }
    }
}
