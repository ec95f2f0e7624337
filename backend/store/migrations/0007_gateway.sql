-- Local gateway (package gateway): member tokens, per-member policies and the
-- gateway's settings. A member token is never stored: only its SHA-256 hash
-- and a short prefix people can recognise it by. No API key is stored here
-- either; the upstream key is named by its label in the key register.

-- Member tokens ("stw_" + 40 base62 characters), shown once when created.
CREATE TABLE gateway_tokens (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id),
    hash         TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),  -- hex SHA-256 of the token
    prefix       TEXT NOT NULL,                                   -- e.g. "stw_Ab3x", for recognising it
    created_at   TEXT NOT NULL,
    last_used_at TEXT NOT NULL DEFAULT '',
    revoked_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gateway_tokens_member ON gateway_tokens(member_id, id);

-- Optional limits and screening per member; a missing row means none.
CREATE TABLE gateway_policies (
    member_id           INTEGER PRIMARY KEY REFERENCES members(id),
    requests_per_minute INTEGER NOT NULL DEFAULT 0 CHECK (requests_per_minute >= 0),
    tokens_per_day      INTEGER NOT NULL DEFAULT 0 CHECK (tokens_per_day >= 0),
    allowed_models      TEXT NOT NULL DEFAULT '[]',              -- JSON array; empty means any model
    moderation          TEXT NOT NULL DEFAULT 'off' CHECK (moderation IN ('off','block')),
    pii                 TEXT NOT NULL DEFAULT 'off' CHECK (pii IN ('off','redact','block')),
    updated_at          TEXT NOT NULL
);

-- The gateway's settings: one row, written by the GUI and read at start.
CREATE TABLE gateway_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    listen             TEXT NOT NULL,
    upstream           TEXT NOT NULL,
    upstream_key_label TEXT NOT NULL DEFAULT '',
    upstream_auth      TEXT NOT NULL DEFAULT '' CHECK (upstream_auth IN ('','bearer','api-key')),
    add_include_usage  INTEGER NOT NULL DEFAULT 0 CHECK (add_include_usage IN (0, 1)),
    max_body_bytes     INTEGER NOT NULL DEFAULT 0 CHECK (max_body_bytes >= 0),
    updated_at         TEXT NOT NULL
);
