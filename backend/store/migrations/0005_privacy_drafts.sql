-- Privacy notice: the questionnaire's current answers (a single row the GUI
-- saves as the user goes) and every generated draft with what it came from.
CREATE TABLE privacy_answers (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    answers    TEXT NOT NULL,               -- JSON of privacy.Answers
    updated_at TEXT NOT NULL
);

CREATE TABLE privacy_drafts (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    lang          TEXT NOT NULL CHECK (lang IN ('en', 'zh-CN')),
    answers       TEXT NOT NULL,            -- JSON of the answers the draft was made from
    markdown      TEXT NOT NULL,            -- the draft as Markdown
    check_summary TEXT NOT NULL             -- JSON of privacy.CheckResult at the time
);
CREATE INDEX privacy_drafts_created ON privacy_drafts(created_at);
