-- The zone a person's Teams or Web Chat client reports (entities' clientInfo.timezone or localTimezone), kept so that
-- an organiser who adds them as a speaker sees their local time. Speakers' own zones live in events.speakers (JSON).
ALTER TABLE user_profiles ADD COLUMN client_time_zone TEXT NULL;
