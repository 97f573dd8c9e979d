-- The check that a staged event leaves the stage only once it is chained (V2.3.0) now runs once per DELETE
-- statement, over all the rows it removes (a transition table), instead of once per row: the chainer removes a
-- batch at a time while holding the chain's lock, and the per-row calls were about a third of a millisecond per
-- batch of 11 events (pgbench, CPU only). Same rule, same refusal.
DROP TRIGGER audit_staged_kept_until_chained ON audit_staged;
DROP FUNCTION audit_staged_leaves_when_chained();

CREATE FUNCTION audit_staged_leave_when_chained() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT r.id INTO v_id FROM removed r
    WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.staged_id = r.id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'staged audit event % is not chained yet: DELETE refused', v_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_staged_kept_until_chained AFTER DELETE ON audit_staged
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION audit_staged_leave_when_chained();
