-- The owner's choice per vehicle and sensitive category. Collection is off unless a row says granted and
-- its expiry lies ahead; there is no "forever".
CREATE TABLE consent (
    vin        varchar(17) NOT NULL REFERENCES vehicle (vin),
    category   varchar(32) NOT NULL,
    granted    boolean     NOT NULL,
    expires_at timestamptz,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (vin, category),
    CHECK (NOT granted OR expires_at IS NOT NULL)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON consent TO ${app_role};
