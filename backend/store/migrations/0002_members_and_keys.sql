-- Key register (package keys). No table here ever holds a full API key:
-- the secret lives only in the vault (OS keychain or the encrypted file),
-- under account = api_keys.id.

-- Team members. Removed members are kept (removed_at set) so the history of
-- their keys still names them; names are unique among current members.
CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL COLLATE NOCASE,
    email      TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    removed_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX members_current_name ON members(name) WHERE removed_at = '';

-- One record per key. A rotation retires the record and adds its successor
-- under the same label, so labels are unique among current keys only.
CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY,
    label         TEXT NOT NULL COLLATE NOCASE,
    member_id     INTEGER NOT NULL REFERENCES members(id),
    environment   TEXT NOT NULL CHECK (environment IN ('dev','staging','prod')),
    kind          TEXT NOT NULL CHECK (kind IN ('project','service_account','admin','legacy_user')),
    fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
    redacted      TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('active','rotation_due','retired','revoked')),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    marked_at     TEXT NOT NULL DEFAULT '',   -- marked for rotation
    rotated_at    TEXT NOT NULL DEFAULT '',   -- retired in favour of its successor
    revoked_at    TEXT NOT NULL DEFAULT '',
    replaces      INTEGER REFERENCES api_keys(id),
    replaced_by   INTEGER REFERENCES api_keys(id),
    verified_at   TEXT NOT NULL DEFAULT '',
    verify_result TEXT NOT NULL DEFAULT ''
                  CHECK (verify_result IN ('','valid','invalid','revoked','rate_limited','network_error')),
    verify_detail TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX api_keys_current_label ON api_keys(label) WHERE status IN ('active','rotation_due');
CREATE INDEX api_keys_fingerprint ON api_keys(fingerprint);
CREATE INDEX api_keys_member ON api_keys(member_id);

-- What happened to keys and members, oldest first. Label and member are
-- copied as text so the log reads the same after renames.
CREATE TABLE key_events (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    event     TEXT NOT NULL,
    key_id    INTEGER REFERENCES api_keys(id),
    label     TEXT NOT NULL DEFAULT '',
    member    TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX key_events_key ON key_events(key_id, id);

-- Places a key must be updated in when it is rotated (CI secrets,
-- environments, servers), ticked off by the team.
CREATE TABLE key_places (
    id       INTEGER PRIMARY KEY,
    key_id   INTEGER NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    place    TEXT NOT NULL,
    added_at TEXT NOT NULL,
    done_at  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX key_places_key ON key_places(key_id, id);

-- Rotation period per environment; a missing row means the default (90 days).
CREATE TABLE key_policies (
    environment   TEXT PRIMARY KEY CHECK (environment IN ('dev','staging','prod')),
    rotation_days INTEGER NOT NULL CHECK (rotation_days BETWEEN 1 AND 3650),
    updated_at    TEXT NOT NULL
);
