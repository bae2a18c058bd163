CREATE TABLE graph_inbox_sync (
    mailbox TEXT PRIMARY KEY,
    link TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE graph_inbox_messages (
    mailbox TEXT NOT NULL,
    message_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    handled_at TEXT NOT NULL,
    PRIMARY KEY (mailbox, message_id)
);
