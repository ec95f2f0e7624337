-- Settings: small key/value preferences (never secrets).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One workspace per product going through the checklist.
CREATE TABLE workspaces (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at       TEXT NOT NULL,
    reviewed_version TEXT NOT NULL,
    profile          TEXT,            -- JSON of the onboarding answers, NULL until the wizard ran
    profile_set_at   TEXT NOT NULL DEFAULT ''
);

-- A workspace's answer for one catalogue item; absent means "to do".
CREATE TABLE item_answers (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'todo'
                  CHECK (status IN ('todo','in_progress','done','not_applicable','at_risk')),
    owner         TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    set_by_wizard INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (workspace_id, item_id)
);

-- Evidence attached to an item: a file, a URL or a record of the app.
CREATE TABLE item_evidence (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('file','url','record')),
    ref          TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    added_at     TEXT NOT NULL
);
CREATE INDEX item_evidence_item ON item_evidence(workspace_id, item_id);

-- Every change to an item, oldest first.
CREATE TABLE item_audit (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    at           TEXT NOT NULL,
    field        TEXT NOT NULL,
    old_value    TEXT NOT NULL,
    new_value    TEXT NOT NULL,
    source       TEXT NOT NULL
);
CREATE INDEX item_audit_item ON item_audit(workspace_id, item_id, id);
