-- The one way into the audit trail. Runs as the schema owner (SECURITY DEFINER) so the application role needs no
-- write privilege on the events: it hands over the events, this function numbers and chains them.
--
-- p_events is a JSON array of objects with the event's fields (occurredAt, requestId, actorSubject, actorRole,
-- actorClient, action, outcome, vin, categories, rangeFrom, rangeTo, quantity, detail) and "body": the canonical
-- content after the id, built by cn.vdp.storage.audit.AuditCanonical. The canonical content of event n is
-- '[' || n || ',' || body, and hash(n) = sha256(hash(n - 1) || canonical(n)), hash(0) = 32 zero bytes.
-- The verification recomputes the canonical content from the stored fields, so a body that does not match its
-- fields is reported as changed content.
--
-- The head row is locked until the caller's commit: the caller appends as late in its transaction as it can.
CREATE OR REPLACE FUNCTION audit_append(p_events jsonb)
    RETURNS bigint
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
    -- The service's sessions force custom plans (for telemetry's partition pruning); these statements do not
    -- need them, and re-planning them on every append would lengthen the time the head stays locked.
    SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v_id   bigint;
    v_hash bytea;
    v_prev bytea;
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
        v_id := v_id + 1;
        v_prev := v_hash;
        v_hash := sha256(v_prev || convert_to('[' || v_id || ',' || e.body, 'UTF8'));
        INSERT INTO audit_event (id, occurred_at, request_id, actor_subject, actor_role, actor_client, action,
                                 outcome, vin, categories, range_from, range_to, quantity, detail, prev_hash, hash)
        VALUES (v_id, e."occurredAt", e."requestId", e."actorSubject", e."actorRole", e."actorClient", e.action,
                e.outcome, e.vin, e.categories, e."rangeFrom", e."rangeTo", e.quantity, e.detail, v_prev, v_hash);
    END LOOP;
    UPDATE audit_chain_head SET last_id = v_id, last_hash = v_hash WHERE singleton;
    RETURN v_id;
END;
$$;

REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO ${app_role};
