-- PostgreSQL translation of the team's shared state (SQLite's migrations of
-- the same numbers). Types stay compatible with the SQLite schema so the
-- same SQL runs on both: timestamps are TEXT, integers BIGINT, and
-- COLLATE NOCASE names the case-insensitive collation created here.
CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- Settings: small key/value preferences (never secrets).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
