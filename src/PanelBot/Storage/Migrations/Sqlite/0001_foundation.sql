CREATE TABLE conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    service_url TEXT NOT NULL,
    conversation_type TEXT NULL,
    tenant_id TEXT NULL,
    reference_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (channel_id, conversation_id)
);

CREATE TABLE user_profiles (
    user_id TEXT PRIMARY KEY,
    name TEXT NULL,
    email TEXT NULL,
    last_time_zone TEXT NULL,
    updated_at TEXT NOT NULL
);
