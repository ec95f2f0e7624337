-- Leak scans: one row per scan of one or more folders. Never a secret:
-- findings keep only the key's redacted form and fingerprint.
CREATE TABLE leak_scans (
    id          INTEGER PRIMARY KEY,
    roots       TEXT NOT NULL,            -- JSON array of the scanned folders (absolute paths)
    started_at  TEXT NOT NULL,            -- RFC 3339, UTC
    finished_at TEXT NOT NULL,
    history     INTEGER NOT NULL DEFAULT 0 CHECK (history IN (0, 1)),
    files       INTEGER NOT NULL DEFAULT 0,
    bytes       INTEGER NOT NULL DEFAULT 0,
    commits     INTEGER NOT NULL DEFAULT 0,
    seconds     REAL NOT NULL DEFAULT 0,
    status      TEXT NOT NULL CHECK (status IN ('completed','cancelled','failed')),
    error       TEXT NOT NULL DEFAULT ''
);

-- What a scan found, one row per key per place.
CREATE TABLE leak_findings (
    id          INTEGER PRIMARY KEY,
    scan_id     INTEGER NOT NULL REFERENCES leak_scans(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('critical','high','medium')),
    root        TEXT NOT NULL,            -- the scanned folder the file is in
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL,
    "column"    INTEGER NOT NULL,
    "commit"    TEXT NOT NULL DEFAULT '', -- empty for the working tree
    author      TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    redacted    TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX leak_findings_scan ON leak_findings(scan_id);
CREATE INDEX leak_findings_fingerprint ON leak_findings(fingerprint);
