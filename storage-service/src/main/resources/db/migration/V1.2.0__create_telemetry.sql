-- Telemetry: one row per record and category, so that retention (decided by category) drops whole
-- partitions: LIST by category, then RANGE by day (created ahead by telemetry_ensure_partitions).
-- The key holds both partition keys; (vin, seq) with its recorded_at identifies a record, so a retried
-- record conflicts and is stored once.
CREATE TABLE telemetry (
    vin         varchar(17) NOT NULL,
    recorded_at timestamptz NOT NULL,
    seq         bigint      NOT NULL,
    category    varchar(32) NOT NULL,
    signals     jsonb       NOT NULL,
    PRIMARY KEY (vin, recorded_at, seq, category)
) PARTITION BY LIST (category);

-- The application writes, reads and erases through the parent; partitions are managed by the functions below.
GRANT SELECT, INSERT, DELETE ON telemetry TO ${app_role};
