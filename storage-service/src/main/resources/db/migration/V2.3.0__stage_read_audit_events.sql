-- Reads stage their audit events here, each with a light insert committed durably on any connection before the read
-- answers, instead of each taking the chain's lock; a chainer (audit_chain_staged, R__audit_append.sql) moves them
-- into audit_event moments later, under the lock, in batches. An event therefore exists durably before its read's
-- data leaves, and joins the hash chain a few milliseconds later. The verification names staged events left
-- waiting too long.
CREATE TABLE audit_staged (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staged_at timestamptz NOT NULL DEFAULT now(),
    -- One event as audit_append takes it (AuditAppender.json); checked here so that a bad one fails its read, not
    -- the chainer.
    event     jsonb       NOT NULL CHECK (jsonb_typeof(event) = 'object' AND event ? 'body')
);

-- Which staged event an event of the chain came from. Unique, so a staged event can be chained only once (ids of
-- staged events are handed out before their commits, so the chainer cannot keep a high-water mark instead: an
-- event with a lower id may commit after a higher one was chained).
ALTER TABLE audit_event ADD COLUMN staged_id bigint;
CREATE UNIQUE INDEX audit_event_by_staged ON audit_event (staged_id) WHERE staged_id IS NOT NULL;

-- A staged event is never changed, and leaves only once it is in the chain.
CREATE FUNCTION audit_staged_leaves_when_chained() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_event WHERE staged_id = OLD.id) THEN
        RAISE EXCEPTION 'staged audit event % is not chained yet: DELETE refused', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER audit_staged_append_only BEFORE UPDATE ON audit_staged
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_staged_no_truncate BEFORE TRUNCATE ON audit_staged
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_staged_kept_until_chained BEFORE DELETE ON audit_staged
    FOR EACH ROW EXECUTE FUNCTION audit_staged_leaves_when_chained();

-- The application stages events (the event only: id and time are the table's) and sees what waits; it cannot change
-- or remove a staged event, and chains them only through audit_chain_staged.
GRANT INSERT (event) ON audit_staged TO ${app_role};
GRANT SELECT ON audit_staged TO ${app_role};
