-- RSVP counts live on the event row, changed in the same transaction as the registrations (which holds the event's
-- lock), so a card never counts the registrations again. Backfilled from the registrations that exist.
ALTER TABLE events
    ADD COLUMN rsvp_going INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN rsvp_maybe INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN rsvp_no INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN rsvp_waitlisted INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN rsvp_awaiting_approval INTEGER NOT NULL DEFAULT 0;
UPDATE events e SET
    rsvp_going = c.going, rsvp_maybe = c.maybe, rsvp_no = c.no, rsvp_waitlisted = c.waitlisted,
    rsvp_awaiting_approval = c.awaiting
FROM (
    SELECT event_id,
        COUNT(*) FILTER (WHERE state = 'Going') AS going,
        COUNT(*) FILTER (WHERE state = 'Maybe') AS maybe,
        COUNT(*) FILTER (WHERE state = 'No') AS no,
        COUNT(*) FILTER (WHERE state = 'Waitlisted') AS waitlisted,
        COUNT(*) FILTER (WHERE state = 'AwaitingApproval') AS awaiting
    FROM registrations GROUP BY event_id
) c
WHERE c.event_id = e.id;
-- The front of the waitlist, and closing its gaps, by position.
CREATE INDEX ix_registrations_waitlist ON registrations (event_id, waitlist_position);
-- The participants a shared card lists for Teams' automatic refresh, in order of answering.
CREATE INDEX ix_registrations_event_created ON registrations (event_id, created_at);
