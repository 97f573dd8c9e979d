-- Partition maintenance runs as the schema owner (SECURITY DEFINER): the application role may create and
-- drop day partitions through these functions only, not alter tables itself.

CREATE OR REPLACE FUNCTION telemetry_ensure_partitions(p_categories text[], p_from date, p_to date)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_category text;
    v_day      date;
    v_parent   text;
    v_leaf     text;
    v_created  integer := 0;
BEGIN
    IF p_to < p_from OR p_to - p_from > 800 THEN
        RAISE EXCEPTION 'partition range % .. % is not plausible', p_from, p_to;
    END IF;
    -- Replicas may run this at the same moment.
    PERFORM pg_advisory_xact_lock(hashtext('telemetry_partition_maintenance'));
    FOREACH v_category IN ARRAY p_categories LOOP
        IF v_category !~ '^[a-z_]{1,32}$' THEN
            RAISE EXCEPTION 'not a category code: %', v_category;
        END IF;
        v_parent := 'telemetry_' || v_category;
        IF to_regclass(v_parent) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF telemetry FOR VALUES IN (%L) PARTITION BY RANGE (recorded_at)',
                           v_parent, v_category);
        END IF;
        v_day := p_from;
        WHILE v_day <= p_to LOOP
            v_leaf := v_parent || '_' || to_char(v_day, 'YYYYMMDD');
            IF to_regclass(v_leaf) IS NULL THEN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                               v_leaf, v_parent,
                               to_char(v_day, 'YYYY-MM-DD') || ' 00:00:00+00',
                               to_char(v_day + 1, 'YYYY-MM-DD') || ' 00:00:00+00');
                -- Settings of each leaf (a parent's do not carry over to a new partition, hence here):
                -- * No query filters on the signals, so ANALYZE need not build statistics of them: that halves
                --   each autoanalyze of a day partition (PostgreSQL 15, 600,000 rows in memory: 290-365 ms ->
                --   128-142 ms), which runs about every minute on a young day partition while cars write to it.
                -- * No vacuum triggered by inserts (PostgreSQL 13+ vacuums a table that grew by 20%): its work,
                --   the visibility map of rows too young to freeze, is thrown away when the clustering job rewrites
                --   the closed day, and while the day is written each such vacuum writes out the pages just
                --   inserted, slowing the commits of ingest meanwhile. Vacuums after deletes (erasure, retention)
                --   and against transaction-id wraparound still run as everywhere.
                EXECUTE format('ALTER TABLE %I ALTER COLUMN signals SET STATISTICS 0, '
                               'SET (autovacuum_vacuum_insert_threshold = -1)', v_leaf);
                v_created := v_created + 1;
            END IF;
            v_day := v_day + 1;
        END LOOP;
    END LOOP;
    RETURN v_created;
END;
$$;

-- Drops the day partitions of one category that end at or before the cutoff and deletes the expired rows of
-- the partition the cutoff falls into, so that exactly the rows recorded before the cutoff go.
-- Returns the number of partitions dropped and of rows deleted.
CREATE OR REPLACE FUNCTION telemetry_purge_before(p_category text, p_cutoff timestamptz,
                                                  OUT partitions_dropped integer, OUT rows_deleted bigint)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_leaf text;
    v_day  date;
BEGIN
    partitions_dropped := 0;
    rows_deleted := 0;
    IF p_category !~ '^[a-z_]{1,32}$' THEN
        RAISE EXCEPTION 'not a category code: %', p_category;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('telemetry_partition_maintenance'));
    FOR v_leaf IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = to_regclass('telemetry_' || p_category)
        ORDER BY c.relname
    LOOP
        v_day := to_date(right(v_leaf, 8), 'YYYYMMDD');
        IF (v_day + 1)::timestamp AT TIME ZONE 'UTC' <= p_cutoff THEN
            EXECUTE format('DROP TABLE %I', v_leaf);
            partitions_dropped := partitions_dropped + 1;
        END IF;
    END LOOP;
    DELETE FROM telemetry WHERE category = p_category AND recorded_at < p_cutoff;
    GET DIAGNOSTICS rows_deleted = ROW_COUNT;
END;
$$;

REVOKE ALL ON FUNCTION telemetry_ensure_partitions(text[], date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION telemetry_purge_before(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telemetry_ensure_partitions(text[], date, date) TO ${app_role};
GRANT EXECUTE ON FUNCTION telemetry_purge_before(text, timestamptz) TO ${app_role};

-- Closed day partitions: rows are stored in arrival order, so one car's day lies scattered over thousands of heap
-- pages (every car sends at the same time). Once a day is over, its partition is rewritten in primary-key order
-- (vin, recorded_at, ...), after which one car's day is a few adjacent pages. pg_index.indisclustered marks the
-- partitions done; a late record appended afterwards is found through the index as before.

-- Day partitions whose day ended at or before p_closed_before and that are not clustered yet, newest first.
CREATE OR REPLACE FUNCTION telemetry_unclustered_days(p_closed_before timestamptz)
    RETURNS TABLE (partition_name text, day date)
    LANGUAGE sql
    STABLE
    SET search_path = public, pg_temp
AS $$
    -- Materialized: the date is parsed from day partitions' names only, never from another pg_class row's.
    WITH day_partition AS MATERIALIZED (
        SELECT c.oid, c.relname::text AS partition_name, to_date(right(c.relname, 8), 'YYYYMMDD') AS day
        FROM pg_inherits per_category
        JOIN pg_inherits per_day ON per_day.inhparent = per_category.inhrelid
        JOIN pg_class c ON c.oid = per_day.inhrelid
        WHERE per_category.inhparent = 'telemetry'::regclass)
    SELECT partition_name, day FROM day_partition p
    WHERE (day + 1)::timestamp AT TIME ZONE 'UTC' <= p_closed_before
      AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = p.oid AND x.indisclustered)
    ORDER BY day DESC, partition_name
$$;

-- Rewrites one day partition in primary-key order (CLUSTER). CLUSTER holds an ACCESS EXCLUSIVE lock on that
-- partition only, for as long as the rewrite takes: readers and late writers of that day wait, today's writes go
-- on. p_lock_timeout bounds the wait for the lock (a long export may be reading the day): the call then fails
-- with lock_not_available (55P03) and the next run tries again. Returns false when it was clustered already.
CREATE OR REPLACE FUNCTION telemetry_cluster_partition(p_partition text, p_lock_timeout text)
    RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_leaf      oid;
    v_index     text;
    v_clustered boolean;
BEGIN
    PERFORM set_config('lock_timeout', p_lock_timeout, true);
    -- Partition creation and purges, and other replicas running this, wait for each other.
    PERFORM pg_advisory_xact_lock(hashtext('telemetry_partition_maintenance'));
    SELECT c.oid INTO v_leaf
    FROM pg_inherits per_category
    JOIN pg_inherits per_day ON per_day.inhparent = per_category.inhrelid
    JOIN pg_class c ON c.oid = per_day.inhrelid
    WHERE per_category.inhparent = 'telemetry'::regclass AND c.relname = p_partition;
    IF v_leaf IS NULL THEN
        RAISE EXCEPTION 'not a telemetry day partition: %', p_partition;
    END IF;
    SELECT i.relname, x.indisclustered INTO v_index, v_clustered
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = v_leaf AND x.indisprimary;
    IF v_clustered THEN
        RETURN false;
    END IF;
    EXECUTE format('CLUSTER %I USING %I', p_partition, v_index);
    RETURN true;
END;
$$;

REVOKE ALL ON FUNCTION telemetry_unclustered_days(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION telemetry_cluster_partition(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telemetry_unclustered_days(timestamptz) TO ${app_role};
GRANT EXECUTE ON FUNCTION telemetry_cluster_partition(text, text) TO ${app_role};
