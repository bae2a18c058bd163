-- Work that calls Teams after an answer is committed (card refreshes, personal notices, member look-ups), written in
-- the answer's transaction so a restart loses none of it. A pending refresh of an event's cards is kept once.
CREATE TABLE teams_work (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    coalesce_key TEXT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_at TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_teams_work_due ON teams_work (next_attempt_at);
CREATE UNIQUE INDEX ux_teams_work_pending_key ON teams_work (coalesce_key) WHERE claimed_at IS NULL;
