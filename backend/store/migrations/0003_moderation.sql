-- Moderation tester: suites of sample prompts, runs of a suite against the
-- moderation endpoint, and each run item's outcome. A run copies its
-- suite's items when it is created, so editing the suite later never
-- changes what a run sent, and a resumed run sends exactly what is missing.
CREATE TABLE moderation_suites (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL,               -- RFC 3339, UTC
    updated_at TEXT NOT NULL,
    thresholds TEXT NOT NULL DEFAULT '{}'   -- JSON: category -> score at or above which it counts as flagged
);

-- One sample prompt: text, an image file, or both.
CREATE TABLE moderation_items (
    id         INTEGER PRIMARY KEY,
    suite_id   INTEGER NOT NULL REFERENCES moderation_suites(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,            -- order within the suite
    text       TEXT NOT NULL DEFAULT '',
    image_path TEXT NOT NULL DEFAULT '',    -- absolute path of a local image, or ''
    expected   TEXT NOT NULL DEFAULT '{}'   -- JSON: category -> true/false; a missing category is unknown
);
CREATE INDEX moderation_items_suite ON moderation_items(suite_id, position);

-- One run of a suite against one model.
CREATE TABLE moderation_runs (
    id          INTEGER PRIMARY KEY,
    suite_id    INTEGER NOT NULL REFERENCES moderation_suites(id) ON DELETE CASCADE,
    model       TEXT NOT NULL,
    batch_size  INTEGER NOT NULL,           -- texts per request
    concurrency INTEGER NOT NULL,           -- requests in flight at once
    rpm         INTEGER NOT NULL DEFAULT 0, -- client-side requests-per-minute limit; 0 means none
    tpm         INTEGER NOT NULL DEFAULT 0, -- client-side tokens-per-minute limit; 0 means none
    status      TEXT NOT NULL CHECK (status IN ('pending','running','paused','cancelled','failed','completed')),
    total       INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',   -- why the run stopped, when it failed (English)
    error_zh    TEXT NOT NULL DEFAULT ''    -- the same in Simplified Chinese
);
CREATE INDEX moderation_runs_suite ON moderation_runs(suite_id, id);

-- What a run sends, one row per item, and what came back. A row is
-- 'pending' until its answer or its error is stored.
CREATE TABLE moderation_run_items (
    run_id              INTEGER NOT NULL REFERENCES moderation_runs(id) ON DELETE CASCADE,
    idx                 INTEGER NOT NULL,   -- 0-based position in the run
    item_id             INTEGER NOT NULL,   -- the suite item it was copied from (it may since be gone)
    text                TEXT NOT NULL,
    image_path          TEXT NOT NULL DEFAULT '',
    expected            TEXT NOT NULL DEFAULT '{}',
    state               TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','done','error')),
    flagged             INTEGER NOT NULL DEFAULT 0,
    categories          TEXT NOT NULL DEFAULT '{}',  -- JSON: category -> true/false/null
    scores              TEXT NOT NULL DEFAULT '{}',  -- JSON: category -> number/null
    applied_input_types TEXT NOT NULL DEFAULT '{}',  -- JSON: category -> ["text","image"]
    error               TEXT NOT NULL DEFAULT '',    -- why it could not be moderated (English)
    error_zh            TEXT NOT NULL DEFAULT '',    -- the same in Simplified Chinese
    completed_at        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, idx)
);
CREATE INDEX moderation_run_items_state ON moderation_run_items(run_id, state);
