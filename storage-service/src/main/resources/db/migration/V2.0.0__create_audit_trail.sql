-- The audit trail: append-only and hash-chained. Every event carries the SHA-256 of the previous event's hash and
-- of its own canonical content (cn.vdp.storage.audit.AuditCanonical documents the format), so a changed, removed
-- or reordered row breaks the chain. Ids are gapless (assigned under the head row's lock by audit_append), so a
-- removed row leaves a hole that the verification names.
CREATE TABLE audit_event (
    id            bigint      PRIMARY KEY CHECK (id > 0),
    occurred_at   timestamptz NOT NULL,
    request_id    text,
    actor_subject text        NOT NULL,
    actor_role    text        NOT NULL,
    actor_client  text,
    action        text        NOT NULL,
    outcome       text        NOT NULL,
    -- No format check here: a denied request may name anything; the service stores valid VINs only.
    vin           varchar(17),
    -- Categories concerned, sorted; never signal values or coordinates.
    categories    text[]      NOT NULL,
    range_from    timestamptz,
    range_to      timestamptz,
    quantity      bigint,
    detail        text,
    prev_hash     bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash          bytea       NOT NULL CHECK (length(hash) = 32)
);

CREATE INDEX audit_event_by_time ON audit_event (occurred_at, id);
CREATE INDEX audit_event_by_vin ON audit_event (vin, id) WHERE vin IS NOT NULL;
CREATE INDEX audit_event_by_actor ON audit_event (actor_subject, id);
CREATE INDEX audit_event_by_action ON audit_event (action, id);

-- The end of the chain: one row, locked by every append until its commit, so appends are serialised and each
-- event links to the one committed before it.
CREATE TABLE audit_chain_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id   bigint  NOT NULL,
    last_hash bytea   NOT NULL CHECK (length(last_hash) = 32)
);
INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (true, 0, decode(repeat('00', 32), 'hex'));

-- Signed checkpoints: the head's id and hash at a moment, signed with the platform key. A regulator who keeps one
-- can later prove that no event up to that id was removed or changed, the tail included.
CREATE TABLE audit_checkpoint (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    head_id     bigint      NOT NULL CHECK (head_id >= 0),
    head_hash   bytea       NOT NULL CHECK (length(head_hash) = 32),
    event_count bigint      NOT NULL CHECK (event_count >= 0),
    key_id      text        NOT NULL,
    algorithm   text        NOT NULL,
    signature   bytea       NOT NULL
);
CREATE INDEX audit_checkpoint_by_head ON audit_checkpoint (head_id);

-- Nobody changes history, the schema owner included: only a superuser who switches triggers off
-- (session_replication_role = replica) can, and the chain shows it.
CREATE FUNCTION audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_head_kept BEFORE DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The application reads the trail and appends only through audit_append (R__audit_append.sql), which assigns ids
-- and hashes: it holds no INSERT, UPDATE or DELETE on the events and cannot move the head. It writes checkpoints.
GRANT SELECT ON audit_event, audit_chain_head TO ${app_role};
GRANT SELECT, INSERT ON audit_checkpoint TO ${app_role};
