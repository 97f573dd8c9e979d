package cn.vdp.storage.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import cn.vdp.common.problem.FieldError;
import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.security.Roles;
import cn.vdp.common.signal.Category;
import cn.vdp.common.signal.SignalCatalogue;
import cn.vdp.common.web.QueryParameters;
import cn.vdp.storage.audit.Actor;
import cn.vdp.storage.audit.AuditAction;
import cn.vdp.storage.audit.AuditEntry;
import cn.vdp.storage.audit.AuditReceipt;
import cn.vdp.storage.audit.AuditTrail;
import cn.vdp.storage.security.Caller;
import cn.vdp.storage.telemetry.TelemetryApi.LatestValue;
import cn.vdp.storage.telemetry.TelemetryApi.LatestValues;
import cn.vdp.storage.telemetry.TelemetryApi.RecordPage;
import cn.vdp.storage.telemetry.TelemetryApi.StoredRecord;
import cn.vdp.storage.vehicle.TimeWindow;
import cn.vdp.storage.vehicle.VehicleAccess;

/**
 * Reads an owner's telemetry: only inside their ownership windows, newest first, one category's rows merged back
 * into records. Plain JDBC: the queries rely on partition pruning and index order that an ORM would hide. Each read's
 * audit event is committed while its query runs, and the read answers only once it is: no data leaves without its
 * event, and the read does not wait for the query and the audit commit one after the other.
 */
@ApplicationScoped
public class TelemetryReader {

    /**
     * A page of every signal: no test of category or signal at all. Each such test costs the planner work for every
     * partition it keeps (a third of the planning of a two-day page), and it would keep every category's anyway.
     * Public for the benchmark, which shows its plan.
     */
    public static final String PAGE_OF_ALL = """
            SELECT recorded_at, seq, signals::text FROM telemetry
            WHERE vin = ? AND recorded_at >= ? AND recorded_at < ? AND (recorded_at, seq) < (?, ?)
            ORDER BY recorded_at DESC, seq DESC
            LIMIT ?""";

    /** A page of the chosen signals: only their categories' partitions, only rows holding one of them. */
    private static final String PAGE_OF_SIGNALS = """
            SELECT recorded_at, seq, signals::text FROM telemetry
            WHERE vin = ? AND recorded_at >= ? AND recorded_at < ? AND (recorded_at, seq) < (?, ?)
              AND category = ANY(?::varchar[]) AND jsonb_exists_any(signals, ?::text[])
            ORDER BY recorded_at DESC, seq DESC
            LIMIT ?""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VehicleAccess access;

    @Inject
    TelemetryConfig config;

    @Inject
    Clock clock;

    @Inject
    LatestSignals latestSignals;

    @Inject
    AuditTrail audit;

    @Inject
    PartTimings timings;

    @Transactional
    public RecordPage page(String vin, Caller owner, TelemetryQuery query) throws SQLException {
        Set<String> names = signalNames(query.signals());
        boolean all = query.signals() == null || query.signals().isEmpty();
        Set<Category> categories = categoriesOf(names);
        int size = pageSize(query.limit());
        Instant end = query.to() != null ? query.to() : clock.instant().plus(config.maxFutureSkew());
        Instant start = query.from() != null ? query.from() : Instant.EPOCH;
        if (!start.isBefore(end)) {
            throw QueryParameters.invalid("from", "from must be before to");
        }
        PageCursor after = query.cursor() == null ? null : PageCursor.decode(query.cursor());
        long started = System.nanoTime();
        List<TimeWindow> windows = access.visibleWindows(vin, owner, start, end);
        long checked = System.nanoTime();
        timings.add("access", checked - started);
        AuditReceipt audited = audit.recordAlongside(AuditEntry.of(AuditAction.TELEMETRY_READ,
                Actor.of(owner, Roles.OWNER)).vin(vin).categories(categories.stream().map(Category::code).toList())
                .range(start, end).detail("limit=" + size));

        List<StoredRecord> records = new ArrayList<>();
        // The fetch size makes a cursor of the query, inside this method's transaction: PostgreSQL stops producing
        // rows once the page is full instead of sending all that the LIMIT allows (a row per category of a record).
        try (Connection connection = dataSource.getConnection()) {
            for (TimeWindow window : windows) {
                if (after != null && window.from().isAfter(after.recordedAt())) {
                    continue; // the whole window lies before (newer than) where the last page ended
                }
                int wanted = size + 1 - records.size();
                records.addAll(fetch(connection, vin, window, categories, names, all, after, wanted));
                if (records.size() > size) {
                    break;
                }
            }
        }
        String next = null;
        if (records.size() > size) {
            StoredRecord last = records.get(size - 1);
            next = new PageCursor(last.recordedAt(), last.seq()).encode();
            records = records.subList(0, size);
        }
        long fetched = System.nanoTime();
        timings.add("rows", fetched - checked);
        audited.awaitCommitted();
        timings.add("audit", System.nanoTime() - fetched);
        return new RecordPage(vin, List.copyOf(records), next);
    }

    @Transactional
    public LatestValues latest(String vin, Caller owner) throws SQLException {
        Instant end = clock.instant().plus(config.maxFutureSkew());
        List<TimeWindow> windows = access.visibleWindows(vin, owner, Instant.EPOCH, end);
        AuditReceipt audited = audit.recordAlongside(AuditEntry.of(AuditAction.TELEMETRY_LATEST,
                Actor.of(owner, Roles.OWNER)).vin(vin).allCategories()
                .range(windows.isEmpty() ? null : windows.get(windows.size() - 1).from(), end));
        Map<String, LatestValue> latest;
        try (Connection connection = dataSource.getConnection()) {
            latest = latestSignals.find(connection, vin, windows);
        }
        Instant lastContact = latest.values().stream().map(LatestValue::recordedAt).max(Comparator.naturalOrder())
                .orElse(null);
        audited.awaitCommitted();
        return new LatestValues(vin, lastContact, List.copyOf(latest.values()));
    }

    private List<StoredRecord> fetch(Connection connection, String vin, TimeWindow window, Set<Category> categories,
            Set<String> names, boolean all, PageCursor after, int wanted) throws SQLException {
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(all ? PAGE_OF_ALL : PAGE_OF_SIGNALS)) {
            int p = 0;
            query.setString(++p, vin);
            query.setObject(++p, utc(window.from()));
            query.setObject(++p, utc(window.to()));
            query.setObject(++p, utc(after == null ? window.to() : after.recordedAt()));
            query.setLong(++p, after == null ? Long.MAX_VALUE : after.seq());
            if (!all) {
                Object[] codes = categories.stream().map(Category::code).toArray();
                query.setArray(++p, connection.createArrayOf("varchar", codes));
                query.setArray(++p, connection.createArrayOf("text", names.toArray()));
            }
            query.setInt(++p, wanted * categories.size());
            query.setFetchSize(wanted * Math.min(categories.size(), 2) + 1);
            try (ResultSet rows = query.executeQuery()) {
                SignalMerger merger = new SignalMerger(names, all);
                Instant currentAt = null;
                long currentSeq = -1;
                while (rows.next()) {
                    Instant at = rows.getObject(1, OffsetDateTime.class).toInstant();
                    long seq = rows.getLong(2);
                    if (currentAt == null || seq != currentSeq || !at.equals(currentAt)) {
                        if (currentAt != null) {
                            records.add(new StoredRecord(currentSeq, currentAt, merger.take()));
                        }
                        if (records.size() == wanted) {
                            return records;
                        }
                        currentAt = at;
                        currentSeq = seq;
                    }
                    merger.add(rows.getBytes(3));
                }
                if (currentAt != null && records.size() < wanted) {
                    records.add(new StoredRecord(currentSeq, currentAt, merger.take()));
                }
            }
        }
        return records;
    }

    private int pageSize(Integer limit) {
        int size = limit == null ? config.defaultPageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw QueryParameters.invalid("limit", "limit must be between 1 and " + config.maxPageSize());
        }
        return size;
    }

    /** The requested signal names (all of the catalogue when none), each checked against the catalogue. */
    private static Set<String> signalNames(List<String> requested) {
        Set<String> names = new LinkedHashSet<>();
        if (requested == null || requested.isEmpty()) {
            SignalCatalogue.all().forEach(s -> names.add(s.name()));
            return names;
        }
        List<FieldError> unknown = new ArrayList<>();
        for (String name : requested) {
            if (SignalCatalogue.find(name).isEmpty()) {
                unknown.add(new FieldError("signal", "unknown signal '" + name + "'"));
            }
            names.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, "unknown signal in the filter", unknown);
        }
        return names;
    }

    private static Set<Category> categoriesOf(Set<String> names) {
        Set<Category> categories = new LinkedHashSet<>();
        names.forEach(n -> categories.add(SignalCatalogue.find(n).orElseThrow().category()));
        return categories;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
