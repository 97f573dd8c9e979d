-- Owners' requests to erase their data (PIPL Art. 47), executed by storage-service's erasure job. The request
-- stays as the receipt: when it was asked, by when it is due, when it was done and what was removed.
CREATE TABLE erasure_request (
    id              uuid        PRIMARY KEY,
    subject         text        NOT NULL,
    vins            text[]      NOT NULL,
    status          varchar(16) NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    requested_at    timestamptz NOT NULL,
    -- the legal deadline: 10 working days after the request
    due_by          date        NOT NULL,
    -- the job does not pick the request up before this (retries back off)
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    started_at      timestamptz,
    completed_at    timestamptz,
    rows_deleted    bigint,
    -- what was erased: per vehicle and period the telemetry rows, the consent rows and the export records
    erased          jsonb,
    failure         text,
    CHECK (status <> 'COMPLETED' OR (completed_at IS NOT NULL AND rows_deleted IS NOT NULL))
);

CREATE INDEX erasure_request_by_subject ON erasure_request (subject, requested_at);
CREATE INDEX erasure_request_open ON erasure_request (next_attempt_at) WHERE status IN ('PENDING', 'RUNNING');

GRANT SELECT, INSERT, UPDATE ON erasure_request TO ${app_role};
