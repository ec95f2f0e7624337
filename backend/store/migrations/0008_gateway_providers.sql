-- The gateway against bans and outages (package gateway) and the provider
-- that answered each usage row (package usage). No key is stored here:
-- providers name their key by its label in the key register, and end users
-- are kept only as the keyed hash the gateway sends as safety_identifier.

-- Timeouts (0: the default) and the ban-avoidance switches.
ALTER TABLE gateway_settings ADD COLUMN connect_timeout_ms INTEGER NOT NULL DEFAULT 0 CHECK (connect_timeout_ms >= 0);
ALTER TABLE gateway_settings ADD COLUMN first_byte_timeout_ms INTEGER NOT NULL DEFAULT 0 CHECK (first_byte_timeout_ms >= 0);
ALTER TABLE gateway_settings ADD COLUMN idle_timeout_ms INTEGER NOT NULL DEFAULT 0 CHECK (idle_timeout_ms >= 0);
ALTER TABLE gateway_settings ADD COLUMN breaker_cooldown_ms INTEGER NOT NULL DEFAULT 0 CHECK (breaker_cooldown_ms >= 0);
ALTER TABLE gateway_settings ADD COLUMN safety_identifiers INTEGER NOT NULL DEFAULT 1 CHECK (safety_identifiers IN (0, 1));
ALTER TABLE gateway_settings ADD COLUMN responses_store_false INTEGER NOT NULL DEFAULT 0 CHECK (responses_store_false IN (0, 1));
ALTER TABLE gateway_settings ADD COLUMN blocklist_threshold INTEGER NOT NULL DEFAULT 0 CHECK (blocklist_threshold >= 0);

-- Output moderation beside input moderation, per member.
ALTER TABLE gateway_policies ADD COLUMN output_moderation TEXT NOT NULL DEFAULT 'off'
    CHECK (output_moderation IN ('off','log','block'));

-- Fallback providers, tried in position order after the primary (the
-- gateway's upstream and key).
CREATE TABLE gateway_providers (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL UNIQUE,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    base_url   TEXT NOT NULL,
    key_label  TEXT NOT NULL,                      -- label of its key in the key register
    model_map  TEXT NOT NULL DEFAULT '{}',         -- JSON object: model asked for -> model sent
    created_at TEXT NOT NULL
);

-- Failover drills: each is evidence for OP-09.
CREATE TABLE gateway_drills (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    passed  INTEGER NOT NULL CHECK (passed IN (0, 1)),
    results TEXT NOT NULL                         -- JSON array of per-provider results
);

-- End users whose requests moderation flagged, per member: counted per day,
-- refused once blocked until released.
CREATE TABLE gateway_end_users (
    member      TEXT NOT NULL,
    subject     TEXT NOT NULL,                    -- the safety identifier (keyed hash), never the raw id
    day         TEXT NOT NULL,                    -- YYYY-MM-DD of the flags counted
    flags       INTEGER NOT NULL DEFAULT 0,
    blocked_at  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member, subject)
) WITHOUT ROWID;

-- What the gateway noticed and people must hear about: account trouble,
-- flagged answers, blocked end users, failovers. Evidence for OP-07.
CREATE TABLE gateway_events (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    kind     TEXT NOT NULL,
    member   TEXT NOT NULL DEFAULT '',
    subject  TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gateway_events_at ON gateway_events(at);

-- The provider that answered each call ('' for the app's own calls and for
-- rows written before providers existed).
ALTER TABLE usage_events ADD COLUMN provider TEXT NOT NULL DEFAULT '';

-- usage_daily gains provider in its key, so that reports by provider
-- survive pruning and cost recomputation.
CREATE TABLE usage_daily_new (
    day              TEXT NOT NULL,
    member           TEXT NOT NULL,
    model            TEXT NOT NULL,
    endpoint         TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL,
    source           TEXT NOT NULL,
    provider         TEXT NOT NULL DEFAULT '',
    requests         INTEGER NOT NULL,
    input_tokens     INTEGER NOT NULL,
    cached_tokens    INTEGER NOT NULL,
    output_tokens    INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    no_usage         INTEGER NOT NULL,
    errors           INTEGER NOT NULL,
    rate_limited     INTEGER NOT NULL,
    cost_usd         REAL NOT NULL,
    PRIMARY KEY (day, member, model, endpoint, key_fingerprint, source, provider)
) WITHOUT ROWID;
INSERT INTO usage_daily_new(day, member, model, endpoint, key_fingerprint, source, provider, requests, input_tokens,
    cached_tokens, output_tokens, reasoning_tokens, no_usage, errors, rate_limited, cost_usd)
SELECT day, member, model, endpoint, key_fingerprint, source, '', requests, input_tokens,
    cached_tokens, output_tokens, reasoning_tokens, no_usage, errors, rate_limited, cost_usd FROM usage_daily;
DROP TABLE usage_daily;
ALTER TABLE usage_daily_new RENAME TO usage_daily;

-- Days rolled up before providers existed count under provider ''.
INSERT INTO usage_daily_by(dim, day, source, value, requests, input_tokens, cached_tokens, output_tokens,
    reasoning_tokens, no_usage, errors, rate_limited, cost_usd)
SELECT 'provider', day, source, '', sum(requests), sum(input_tokens), sum(cached_tokens), sum(output_tokens),
    sum(reasoning_tokens), sum(no_usage), sum(errors), sum(rate_limited), sum(cost_usd)
FROM usage_daily GROUP BY day, source;
