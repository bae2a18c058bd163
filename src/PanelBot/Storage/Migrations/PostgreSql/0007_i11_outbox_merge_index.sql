-- An answer's invitation looks for a pending one with the same merge key (its place in line), and the dispatcher for a
-- newer one. With state and not_before in the index both are answered from it alone: on SQLite a row's later columns
-- sit behind its MIME in overflow pages, so reading them from the table costs a walk through every message's pages.
CREATE INDEX ix_outbox_merge_pending ON outbox_messages (merge_key, state, not_before);
DROP INDEX ix_outbox_merge_key;
