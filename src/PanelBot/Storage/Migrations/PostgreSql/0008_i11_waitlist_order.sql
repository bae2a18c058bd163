-- The waitlist's order is a ticket per event, given on joining and never changed while the holder waits; the place
-- people see (1, 2, 3...) is counted from it when shown. So leaving the waitlist writes no other row. The positions
-- stored so far are valid tickets as they are. The event row keeps the last ticket given, so none is given twice.
ALTER TABLE registrations RENAME COLUMN waitlist_position TO waitlist_ticket;
ALTER TABLE events ADD COLUMN rsvp_waitlist_tickets INTEGER NOT NULL DEFAULT 0;
UPDATE events SET rsvp_waitlist_tickets =
    COALESCE((SELECT MAX(r.waitlist_ticket) FROM registrations r WHERE r.event_id = events.id), 0);
