-- Reconciliations of the usage log with the organization's Usage API
-- (package usage): one row per run, so the checks (KH-09, OP-10) can tell
-- when the last one ran and whether it left usage unexplained. The result
-- holds key ids, labels, fingerprints and counts; never a key.
CREATE TABLE usage_reconciliations (
    id          INTEGER PRIMARY KEY,
    ran_at      TEXT NOT NULL,     -- RFC 3339, UTC
    since       TEXT NOT NULL,
    until       TEXT NOT NULL,
    unseen      INTEGER NOT NULL,  -- requests the local log did not see
    result      TEXT NOT NULL      -- the Reconciliation as JSON
);
