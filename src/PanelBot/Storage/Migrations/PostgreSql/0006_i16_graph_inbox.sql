CREATE TABLE graph_inbox_sync (
    mailbox VARCHAR(320) PRIMARY KEY,
    link TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE graph_inbox_messages (
    mailbox VARCHAR(320) NOT NULL,
    message_id VARCHAR(1000) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    handled_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (mailbox, message_id)
);
