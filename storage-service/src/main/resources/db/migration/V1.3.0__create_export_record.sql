-- Every data export given to an owner: whom it was for, what it covered, and the hash of its signed manifest
-- (the files themselves are streamed, never stored). An erasure request removes its requester's records.
CREATE TABLE export_record (
    id              uuid        PRIMARY KEY,
    subject         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    vins            text[]      NOT NULL,
    manifest_sha256 char(64)    NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
    file_count      integer     NOT NULL CHECK (file_count >= 0),
    records         bigint      NOT NULL CHECK (records >= 0)
);

CREATE INDEX export_record_by_subject ON export_record (subject, created_at);

GRANT SELECT, INSERT, DELETE ON export_record TO ${app_role};
