-- A calendar mail is queued as what to compose (recipient's name, zone, role, kind) and composed when the dispatcher
-- claims it: mail that a newer one to the same person replaces before it is sent is never composed. Until then its
-- mime is empty; the Message-ID is given on queueing, so every attempt carries the same one.
ALTER TABLE outbox_messages ADD COLUMN recipe TEXT NULL;
