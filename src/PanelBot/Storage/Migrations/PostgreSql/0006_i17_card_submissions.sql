CREATE TABLE card_submissions (
    submission_id VARCHAR(64) PRIMARY KEY,
    user_id VARCHAR(300) NOT NULL,
    event_number INTEGER NULL,
    created_at TIMESTAMPTZ NOT NULL
);
