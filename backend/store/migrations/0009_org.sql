-- The OpenAI organization (package org), read through the Administration
-- API with an admin key. The admin key itself lives only in the vault; no
-- table here holds a full key. Snapshot tables are replaced together in one
-- transaction by each sync, so a sync that fails leaves the previous one.

-- The connection: which admin key (redacted) and where. One row at most.
CREATE TABLE org_connection (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
    redacted      TEXT NOT NULL,
    base_url      TEXT NOT NULL,
    connected_at  TEXT NOT NULL,
    admin_key_id  TEXT NOT NULL DEFAULT ''  -- Steward's own admin key's id in the organization, once known
);

-- When the snapshot was taken, and the organization-level settings (JSON).
CREATE TABLE org_snapshot (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    synced_at TEXT NOT NULL,
    settings  TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE org_projects (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    settings   TEXT NOT NULL DEFAULT '{}'  -- rate limits, retention, permissions, spend limit and alerts (JSON)
);

-- Project API keys as the API shows them: redacted_value only.
CREATE TABLE org_keys (
    project_id   TEXT NOT NULL,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    redacted     TEXT NOT NULL,
    owner_type   TEXT NOT NULL,            -- user or service_account
    owner_id     TEXT NOT NULL,
    owner_name   TEXT NOT NULL DEFAULT '',
    owner_email  TEXT NOT NULL DEFAULT '',
    owner_access TEXT NOT NULL DEFAULT '', -- owner_project_access: active or inactive
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,                  -- NULL: never used
    PRIMARY KEY (project_id, id)
);
CREATE INDEX org_keys_redacted ON org_keys(redacted);

CREATE TABLE org_service_accounts (
    project_id TEXT NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, id)
);

CREATE TABLE org_users (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL,
    role     TEXT NOT NULL,
    added_at INTEGER NOT NULL
);

CREATE TABLE org_invites (
    id         TEXT PRIMARY KEY,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);

CREATE TABLE org_admin_keys (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    redacted     TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    owner_name   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    last_used_at INTEGER
);

-- A local key (api_keys.id) as the API redacts keys: the same first and
-- last characters redacted_value shows, never more. Enough to compare.
CREATE TABLE org_key_hints (
    local_key_id INTEGER PRIMARY KEY,
    hint         TEXT NOT NULL
);

-- Links the user chose where a local key could match several org keys.
CREATE TABLE org_key_choices (
    local_key_id INTEGER PRIMARY KEY,
    project_id   TEXT NOT NULL,
    org_key_id   TEXT NOT NULL,
    chosen_at    TEXT NOT NULL
);

-- Keys Steward revoked in OpenAI, with the API's answer.
CREATE TABLE org_revocations (
    id                 INTEGER PRIMARY KEY,
    at                 TEXT NOT NULL,
    project_id         TEXT NOT NULL,
    project            TEXT NOT NULL DEFAULT '',
    org_key_id         TEXT NOT NULL,
    name               TEXT NOT NULL DEFAULT '',
    redacted           TEXT NOT NULL DEFAULT '',
    owner              TEXT NOT NULL DEFAULT '',
    service_account_id TEXT NOT NULL DEFAULT '',  -- set when the service account was deleted
    local_key_id       INTEGER,
    label              TEXT NOT NULL DEFAULT '',
    status             INTEGER NOT NULL,          -- HTTP status of the DELETE; 404 counts as revoked
    answer             TEXT NOT NULL
);
CREATE INDEX org_revocations_key ON org_revocations(project_id, org_key_id);

-- The imported audit log, one row per event id.
CREATE TABLE org_audit_events (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    effective_at INTEGER NOT NULL,
    project_id   TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    object_id    TEXT NOT NULL DEFAULT '',
    payload      TEXT NOT NULL DEFAULT '{}',
    imported_at  TEXT NOT NULL
);
CREATE INDEX org_audit_events_time ON org_audit_events(effective_at);
CREATE INDEX org_audit_events_type ON org_audit_events(type, effective_at);

-- How far the audit import got, and whether the organization logs at all.
CREATE TABLE org_audit_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    last_effective_at INTEGER NOT NULL DEFAULT 0,
    imported_at       TEXT NOT NULL,
    logging_off       INTEGER NOT NULL DEFAULT 0 CHECK (logging_off IN (0, 1))
);
