-- Vehicles and who owned them when. An owner sees telemetry recorded inside their own ownership periods only.
CREATE TABLE vehicle (
    vin           varchar(17)  PRIMARY KEY CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    market        varchar(2)   NOT NULL CHECK (market ~ '^[A-Z]{2}$'),
    model         varchar(100) NOT NULL,
    registered_at timestamptz  NOT NULL,
    registered_by text         NOT NULL
);

CREATE TABLE ownership (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vin           varchar(17) NOT NULL REFERENCES vehicle (vin),
    owner_subject text        NOT NULL,
    valid_from    timestamptz NOT NULL,
    -- null while the period is current
    valid_to      timestamptz,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- At most one current owner per vehicle.
CREATE UNIQUE INDEX ownership_current_per_vehicle ON ownership (vin) WHERE valid_to IS NULL;
CREATE INDEX ownership_by_owner ON ownership (owner_subject, vin);
CREATE INDEX ownership_by_vehicle ON ownership (vin, valid_from);

GRANT SELECT, INSERT, UPDATE ON vehicle, ownership TO ${app_role};
