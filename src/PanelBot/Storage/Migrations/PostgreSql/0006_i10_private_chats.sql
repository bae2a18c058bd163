ALTER TABLE conversations ADD COLUMN scope VARCHAR(20) NULL;
ALTER TABLE conversations ADD COLUMN team_id VARCHAR(500) NULL;
ALTER TABLE conversations ADD COLUMN dead_at TIMESTAMPTZ NULL;

CREATE TABLE private_chats (
    user_id VARCHAR(500) PRIMARY KEY,
    channel_id VARCHAR(100) NOT NULL,
    service_url VARCHAR(1000) NOT NULL,
    tenant_id VARCHAR(100) NULL,
    bot_id VARCHAR(500) NULL,
    bot_name VARCHAR(500) NULL,
    user_name VARCHAR(500) NULL,
    aad_object_id VARCHAR(100) NULL,
    conversation_id VARCHAR(500) NULL,
    state VARCHAR(20) NOT NULL,
    problem VARCHAR(1000) NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
