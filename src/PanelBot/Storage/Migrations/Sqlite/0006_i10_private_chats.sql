ALTER TABLE conversations ADD COLUMN scope TEXT NULL;
ALTER TABLE conversations ADD COLUMN team_id TEXT NULL;
ALTER TABLE conversations ADD COLUMN dead_at TEXT NULL;

CREATE TABLE private_chats (
    user_id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    service_url TEXT NOT NULL,
    tenant_id TEXT NULL,
    bot_id TEXT NULL,
    bot_name TEXT NULL,
    user_name TEXT NULL,
    aad_object_id TEXT NULL,
    conversation_id TEXT NULL,
    state TEXT NOT NULL,
    problem TEXT NULL,
    updated_at TEXT NOT NULL
);
