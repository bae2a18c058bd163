-- RSVP counts live on the event row, changed in the same transaction as the registrations (which holds the event's
-- lock), so a card never counts the registrations again. Backfilled from the registrations that exist.
ALTER TABLE events ADD COLUMN rsvp_going INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN rsvp_maybe INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN rsvp_no INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN rsvp_waitlisted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN rsvp_awaiting_approval INTEGER NOT NULL DEFAULT 0;
UPDATE events SET
    rsvp_going = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.state = 'Going'),
    rsvp_maybe = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.state = 'Maybe'),
    rsvp_no = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.state = 'No'),
    rsvp_waitlisted = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.state = 'Waitlisted'),
    rsvp_awaiting_approval = (SELECT COUNT(*) FROM registrations r WHERE r.event_id = events.id AND r.state = 'AwaitingApproval');
-- The front of the waitlist, and closing its gaps, by position.
CREATE INDEX ix_registrations_waitlist ON registrations (event_id, waitlist_position);
-- The participants a shared card lists for Teams' automatic refresh, in order of answering.
CREATE INDEX ix_registrations_event_created ON registrations (event_id, created_at);
