-- Gateway replicas sharing members' rate limits (package gateway,
-- SharedLimits). Each replica publishes, a few times a second, what it
-- admitted per member; the others take that out of their own buckets.
-- member = '' is the replica's heartbeat row (requests = its beat).
CREATE TABLE gateway_limit_counts (
    replica    TEXT NOT NULL,                 -- random id of a running gateway
    member     TEXT NOT NULL,
    requests   BIGINT NOT NULL DEFAULT 0,     -- requests admitted since the replica started
    day        TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD of tokens
    tokens     BIGINT NOT NULL DEFAULT 0,     -- tokens counted by the replica that day
    updated_at TEXT NOT NULL,                 -- RFC 3339, UTC; rows a day old are swept
    PRIMARY KEY (replica, member)
);
