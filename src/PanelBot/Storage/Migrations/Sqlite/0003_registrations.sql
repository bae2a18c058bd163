CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    email TEXT NULL,
    state TEXT NOT NULL,
    waitlist_position INTEGER NULL,
    answered_at TEXT NOT NULL,
    waitlisted_at TEXT NULL,
    conversation_id TEXT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (event_id, user_id)
);
