-- The ways into the audit trail: audit_append for the events of actions, audit_chain_staged for those that reads
-- staged (V2.3.0); both number and chain through audit_link. They run as the schema owner (SECURITY DEFINER) so
-- the application role needs no write privilege on the events: it hands over the events, these functions number
-- and chain them.
--
-- p_events is a JSON array of objects with the event's fields (occurredAt, requestId, actorSubject, actorRole,
-- actorClient, action, outcome, vin, categories, rangeFrom, rangeTo, quantity, detail) and "body": the canonical
-- content after the id, built by cn.vdp.storage.audit.AuditCanonical. The canonical content of event n is
-- '[' || n || ',' || body, and hash(n) = sha256(hash(n - 1) || canonical(n)), hash(0) = 32 zero bytes.
-- The verification recomputes the canonical content from the stored fields, so a body that does not match its
-- fields is reported as changed content.
--
-- The head row is locked until the caller's commit: the caller appends as late in its transaction as it can.
CREATE OR REPLACE FUNCTION audit_link(p_events jsonb, p_staged bigint[])
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
    -- The service's sessions force custom plans (for telemetry's partition pruning); these statements do not
    -- need them, and re-planning them on every append would lengthen the time the head stays locked.
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v_id   bigint;
    v_hash bytea;
    v_prev bytea;
    v_n    integer := 0;
    e      record;
BEGIN
    IF jsonb_typeof(p_events) <> 'array' OR jsonb_array_length(p_events) = 0 THEN
        RAISE EXCEPTION 'audit_append needs a non-empty array of events';
    END IF;
    SELECT last_id, last_hash INTO v_id, v_hash FROM audit_chain_head WHERE singleton FOR UPDATE;
    FOR e IN
        SELECT * FROM jsonb_to_recordset(p_events) AS x(body text, "occurredAt" timestamptz, "requestId" text,
            "actorSubject" text, "actorRole" text, "actorClient" text, action text, outcome text, vin text,
            categories text[], "rangeFrom" timestamptz, "rangeTo" timestamptz, quantity bigint, detail text)
    LOOP
        v_n := v_n + 1; -- the event's place in p_events, and so in p_staged
        v_id := v_id + 1;
        v_prev := v_hash;
        v_hash := sha256(v_prev || convert_to('[' || v_id || ',' || e.body, 'UTF8'));
        INSERT INTO audit_event (id, occurred_at, request_id, actor_subject, actor_role, actor_client, action,
                                 outcome, vin, categories, range_from, range_to, quantity, detail, prev_hash, hash,
                                 staged_id)
        VALUES (v_id, e."occurredAt", e."requestId", e."actorSubject", e."actorRole", e."actorClient", e.action,
                e.outcome, e.vin, e.categories, e."rangeFrom", e."rangeTo", e.quantity, e.detail, v_prev, v_hash,
                p_staged[v_n]);
    END LOOP;
    UPDATE audit_chain_head SET last_id = v_id, last_hash = v_hash WHERE singleton;
    RETURN v_id;
END;
$$;

-- Not the application's: it would let it claim staged events as chained.
REVOKE ALL ON FUNCTION audit_link(jsonb, bigint[]) FROM PUBLIC;

CREATE OR REPLACE FUNCTION audit_append(p_events jsonb)
    RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN audit_link(p_events, NULL);
END;
$$;

REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO ${app_role};

-- Chains up to p_limit staged events of reads (V2.3.0), oldest id first, and removes them from the stage, in the
-- caller's transaction (the caller commits at once: the head stays locked until then). Returns how many it chained.
-- Chainers of several replicas take turns on the head's lock; one that waited finds the others' events gone.
CREATE OR REPLACE FUNCTION audit_chain_staged(p_limit integer)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v_ids    bigint[];
    v_events jsonb;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 THEN
        RAISE EXCEPTION 'audit_chain_staged needs a positive limit';
    END IF;
    -- Nothing waiting (the usual case of a periodic run): no lock taken, nothing written.
    IF NOT EXISTS (SELECT 1 FROM audit_staged) THEN
        RETURN 0;
    END IF;
    PERFORM 1 FROM audit_chain_head WHERE singleton FOR UPDATE;
    SELECT array_agg(id ORDER BY id), jsonb_agg(event ORDER BY id) INTO v_ids, v_events
    FROM (SELECT id, event FROM audit_staged ORDER BY id LIMIT p_limit) waiting;
    IF v_ids IS NULL THEN
        RETURN 0;
    END IF;
    PERFORM audit_link(v_events, v_ids);
    DELETE FROM audit_staged WHERE id = ANY (v_ids);
    RETURN cardinality(v_ids);
END;
$$;

REVOKE ALL ON FUNCTION audit_chain_staged(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_staged(integer) TO ${app_role};
