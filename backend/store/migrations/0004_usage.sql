-- Usage log (package usage). One row per API call, from the app's own calls
-- and from the gateway. No table here holds an API key (only its SHA-256
-- fingerprint), and prompts and completions are kept only in usage_bodies,
-- only when the team switched body logging on. Days are UTC, as in the
-- OpenAI usage API, so local and organization usage line up.
CREATE TABLE usage_events (
    id               INTEGER PRIMARY KEY,
    at               INTEGER NOT NULL,            -- Unix milliseconds
    source           TEXT NOT NULL,               -- 'app' or 'gateway'
    member           TEXT NOT NULL DEFAULT '',
    key_fingerprint  TEXT NOT NULL DEFAULT '',
    endpoint         TEXT NOT NULL DEFAULT '',
    method           TEXT NOT NULL DEFAULT '',
    model            TEXT NOT NULL DEFAULT '',
    status           INTEGER NOT NULL DEFAULT 0,  -- HTTP status; 0 when no answer came
    error_type       TEXT NOT NULL DEFAULT '',
    latency_us       INTEGER NOT NULL DEFAULT 0,
    ttfb_us          INTEGER NOT NULL DEFAULT 0,
    stream           INTEGER NOT NULL DEFAULT 0,
    input_tokens     INTEGER NOT NULL DEFAULT -1, -- -1: not reported
    cached_tokens    INTEGER NOT NULL DEFAULT -1,
    output_tokens    INTEGER NOT NULL DEFAULT -1,
    reasoning_tokens INTEGER NOT NULL DEFAULT -1,
    request_id       TEXT NOT NULL DEFAULT '',
    cost_usd         REAL NOT NULL DEFAULT 0      -- estimated from the price table
);
CREATE INDEX usage_events_at ON usage_events(at);
CREATE INDEX usage_events_rate_limited ON usage_events(at) WHERE status = 429;

-- Daily rollup by every dimension, maintained on insert and kept when old
-- events are pruned. Token sums count unreported tokens as 0.
CREATE TABLE usage_daily (
    day              TEXT NOT NULL,               -- YYYY-MM-DD, UTC
    member           TEXT NOT NULL,
    model            TEXT NOT NULL,
    endpoint         TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL,
    source           TEXT NOT NULL,
    requests         INTEGER NOT NULL,
    input_tokens     INTEGER NOT NULL,            -- including cached
    cached_tokens    INTEGER NOT NULL,
    output_tokens    INTEGER NOT NULL,            -- including reasoning
    reasoning_tokens INTEGER NOT NULL,
    no_usage         INTEGER NOT NULL,            -- requests that reported no tokens
    errors           INTEGER NOT NULL,
    rate_limited     INTEGER NOT NULL,            -- HTTP 429
    cost_usd         REAL NOT NULL,
    PRIMARY KEY (day, member, model, endpoint, key_fingerprint, source)
) WITHOUT ROWID;

-- The same rollup projected on one dimension at a time (dim is 'day',
-- 'member', 'model', 'endpoint' or 'key'; value is '' for 'day'), so a year
-- by member reads a few thousand rows instead of every combination.
-- Rebuilt from usage_daily when costs are recomputed.
CREATE TABLE usage_daily_by (
    dim              TEXT NOT NULL,
    day              TEXT NOT NULL,
    source           TEXT NOT NULL,
    value            TEXT NOT NULL,
    requests         INTEGER NOT NULL,
    input_tokens     INTEGER NOT NULL,
    cached_tokens    INTEGER NOT NULL,
    output_tokens    INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    no_usage         INTEGER NOT NULL,
    errors           INTEGER NOT NULL,
    rate_limited     INTEGER NOT NULL,
    cost_usd         REAL NOT NULL,
    PRIMARY KEY (dim, day, source, value)
) WITHOUT ROWID;

-- Prompt and completion bodies, only while body logging is on, redacted
-- when the team asked for it, pruned after their own retention period.
CREATE TABLE usage_bodies (
    event_id INTEGER PRIMARY KEY,                 -- usage_events.id
    at       INTEGER NOT NULL,                    -- Unix milliseconds, as the event
    request  TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    redacted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX usage_bodies_at ON usage_bodies(at);

-- The usage policy: one row once the team changed anything; no row means
-- the defaults built into Steward.
CREATE TABLE usage_policy (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    retention_days      INTEGER NOT NULL,
    body_logging        INTEGER NOT NULL,
    body_retention_days INTEGER NOT NULL,
    redact_pii          INTEGER NOT NULL,
    monthly_budget_usd  REAL NOT NULL,
    budget_warn_percent INTEGER NOT NULL,
    spike_factor        REAL NOT NULL,
    spike_min_requests  INTEGER NOT NULL,
    burst_429_count     INTEGER NOT NULL,
    burst_429_minutes   INTEGER NOT NULL,
    updated_at          TEXT NOT NULL
);

-- Prices the team edited or added, per million tokens; the shipped, dated
-- defaults apply to every other model.
CREATE TABLE usage_prices (
    model                    TEXT PRIMARY KEY,
    input_per_million        REAL NOT NULL CHECK (input_per_million >= 0),
    cached_input_per_million REAL NOT NULL CHECK (cached_input_per_million >= 0),
    output_per_million       REAL NOT NULL CHECK (output_per_million >= 0),
    updated_at               TEXT NOT NULL
);

-- Which local key an organization usage API key id ("key_abc…") is, as the
-- team told Steward, for reconciliation. Never the key itself.
CREATE TABLE usage_key_map (
    api_key_id      TEXT PRIMARY KEY,
    label           TEXT NOT NULL DEFAULT '',
    key_fingerprint TEXT NOT NULL CHECK (length(key_fingerprint) = 64),
    updated_at      TEXT NOT NULL
);
CREATE INDEX usage_key_map_fingerprint ON usage_key_map(key_fingerprint);
