CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number INTEGER NOT NULL UNIQUE,
    slug TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NULL,
    description TEXT NULL,
    tags TEXT NOT NULL,
    start_local TEXT NOT NULL,
    end_local TEXT NOT NULL,
    time_zone_id TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    venue TEXT NULL,
    online_meeting TEXT NULL,
    join_link_release_days INTEGER NOT NULL,
    recorded INTEGER NOT NULL,
    hosts TEXT NOT NULL,
    contact TEXT NULL,
    part_of TEXT NULL,
    capacity INTEGER NULL,
    rsvp_deadline TEXT NULL,
    registration_mode TEXT NOT NULL,
    status TEXT NOT NULL,
    cancellation_reason TEXT NULL,
    creator_id TEXT NOT NULL,
    co_organisers TEXT NOT NULL,
    speakers TEXT NOT NULL,
    segments TEXT NOT NULL,
    readings TEXT NOT NULL,
    version INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT NULL,
    cancelled_at TEXT NULL
);
CREATE INDEX ix_events_starts_at ON events (starts_at);
CREATE INDEX ix_events_creator ON events (creator_id);

CREATE TABLE event_postings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    posted_at TEXT NOT NULL
);
CREATE INDEX ix_event_postings_event ON event_postings (event_id);
