CREATE TABLE outbox_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NULL,
    kind TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    mime BLOB NOT NULL,
    not_before TEXT NOT NULL,
    merge_key TEXT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    claimed_at TEXT NULL,
    last_error TEXT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT NULL
);
CREATE INDEX ix_outbox_due ON outbox_messages (state, not_before, next_attempt_at);
CREATE INDEX ix_outbox_event ON outbox_messages (event_id, state);
CREATE INDEX ix_outbox_merge_key ON outbox_messages (merge_key);

CREATE TABLE app_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
