-- Automatic checks (package checks): the latest result of each check per
-- workspace, people's overrides, what each workspace calls its own, and
-- whether passing checks complete items by themselves. Evidence gains the
-- kind 'check': a check's snapshot (counts, ids, fingerprints, paths; never a key).

-- item_evidence is rebuilt to allow the new kind (SQLite cannot alter a CHECK).
CREATE TABLE item_evidence_new (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('file','url','record','check')),
    ref          TEXT NOT NULL,
    label        TEXT NOT NULL DEFAULT '',
    added_at     TEXT NOT NULL
);
INSERT INTO item_evidence_new(id, workspace_id, item_id, kind, ref, label, added_at)
    SELECT id, workspace_id, item_id, kind, ref, label, added_at FROM item_evidence;
DROP TABLE item_evidence;
ALTER TABLE item_evidence_new RENAME TO item_evidence;
CREATE INDEX item_evidence_item ON item_evidence(workspace_id, item_id);

-- The newest result of each check in each workspace.
CREATE TABLE check_results (
    workspace_id   INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pass','fail','unknown')),
    reason_en      TEXT NOT NULL,
    reason_zh      TEXT NOT NULL,
    checked_at     TEXT NOT NULL,            -- RFC 3339, UTC
    evidence       TEXT NOT NULL,            -- JSON snapshot
    applied_status TEXT NOT NULL DEFAULT '', -- the item status the check last set, '' if none
    stale          INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
    PRIMARY KEY (workspace_id, item_id)
);

-- A person's decision to overrule a check, kept until the check's result changes.
CREATE TABLE check_overrides (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    item_id      TEXT NOT NULL,
    status       TEXT NOT NULL,              -- the item status the person chose
    check_status TEXT NOT NULL,              -- the check result they overruled
    note         TEXT NOT NULL,
    source       TEXT NOT NULL,              -- app or cli
    at           TEXT NOT NULL,
    PRIMARY KEY (workspace_id, item_id)
);

-- What a workspace calls its own; sources no workspace claims count for every workspace.
CREATE TABLE workspace_scopes (
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('folder','suite','member','region')),
    value        TEXT NOT NULL,
    PRIMARY KEY (workspace_id, kind, value)
);

-- Per-workspace check settings.
CREATE TABLE workspace_check_settings (
    workspace_id  INTEGER PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
    auto_complete INTEGER NOT NULL DEFAULT 0 CHECK (auto_complete IN (0, 1))
);
