CREATE TABLE card_submissions (
    submission_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    event_number INTEGER NULL,
    created_at TEXT NOT NULL
);
