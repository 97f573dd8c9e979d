-- The day partitions made before telemetry_ensure_partitions did this itself (R__telemetry_partition_maintenance.sql):
-- no statistics of the signals, which no query filters on. On the partitioned table it reaches every partition.
ALTER TABLE telemetry ALTER COLUMN signals SET STATISTICS 0;
