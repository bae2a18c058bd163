-- forget me: a withdrawal still on its way to a forgotten person is deleted, with its MIME, once it is done.
ALTER TABLE outbox_messages ADD COLUMN erase_when_done BOOLEAN NOT NULL DEFAULT FALSE;
