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
