-- The day partitions made before telemetry_ensure_partitions did this itself (R__telemetry_partition_maintenance.sql):
-- no vacuum triggered by inserts, whose work the clustering job throws away. Storage parameters cannot be set on a
-- partitioned table, so each leaf gets it.
DO $$
DECLARE
    v_leaf regclass;
BEGIN
    FOR v_leaf IN SELECT relid FROM pg_partition_tree('telemetry') WHERE isleaf LOOP
        EXECUTE format('ALTER TABLE %s SET (autovacuum_vacuum_insert_threshold = -1)', v_leaf);
    END LOOP;
END;
$$;
