-- People are keyed by person key (Conversation/UserKey.cs): 'aad:{tenant}:{object id}' for a Teams user, else
-- '{channel}:{account id}'. Rows were keyed by the bare account id (from.id). Each private line records the channel,
-- tenant and Entra object id of the account that wrote, so everyone who has written is re-keyed here; anyone else
-- is moved on their first turn (UserKeyMoves). The account id stays on the private line, for addressing the person.
ALTER TABLE private_chats ADD COLUMN member_id TEXT NULL;
UPDATE private_chats SET member_id = user_id;

CREATE TEMP TABLE i12_user_key_map (old_id TEXT PRIMARY KEY, new_key TEXT NOT NULL);
INSERT INTO i12_user_key_map (old_id, new_key)
SELECT user_id,
       CASE WHEN channel_id = 'msteams' AND COALESCE(aad_object_id, '') <> '' AND COALESCE(tenant_id, '') <> ''
            THEN 'aad:' || lower(trim(tenant_id)) || ':' || lower(trim(aad_object_id))
            ELSE channel_id || ':' || user_id END
FROM private_chats;
DELETE FROM i12_user_key_map WHERE old_id = new_key;

-- Where two keys end up holding the same thing, the row already under the person key (else the first) stays.
DELETE FROM registrations WHERE id IN (
    SELECT r.id FROM registrations r JOIN i12_user_key_map m ON m.old_id = r.user_id
    WHERE EXISTS (SELECT 1 FROM registrations k WHERE k.user_id = m.new_key AND k.event_id = r.event_id)
       OR EXISTS (SELECT 1 FROM registrations o JOIN i12_user_key_map mo ON mo.old_id = o.user_id
                  WHERE mo.new_key = m.new_key AND o.event_id = r.event_id AND o.id < r.id));
UPDATE registrations SET user_id = (SELECT new_key FROM i12_user_key_map WHERE old_id = registrations.user_id)
WHERE user_id IN (SELECT old_id FROM i12_user_key_map);

DELETE FROM user_profiles WHERE user_id IN (
    SELECT p.user_id FROM user_profiles p JOIN i12_user_key_map m ON m.old_id = p.user_id
    WHERE EXISTS (SELECT 1 FROM user_profiles k WHERE k.user_id = m.new_key)
       OR EXISTS (SELECT 1 FROM user_profiles o JOIN i12_user_key_map mo ON mo.old_id = o.user_id
                  WHERE mo.new_key = m.new_key AND o.user_id < p.user_id));
UPDATE user_profiles SET user_id = (SELECT new_key FROM i12_user_key_map WHERE old_id = user_profiles.user_id)
WHERE user_id IN (SELECT old_id FROM i12_user_key_map);


UPDATE events SET creator_id = (SELECT new_key FROM i12_user_key_map WHERE old_id = events.creator_id), version = version + 1
WHERE creator_id IN (SELECT old_id FROM i12_user_key_map);

UPDATE events SET co_organisers = (
        SELECT json_group_array(json(CASE WHEN m.new_key IS NULL THEN j.value ELSE json_set(j.value, '$.userId', m.new_key) END))
        FROM json_each(events.co_organisers) j
        LEFT JOIN i12_user_key_map m ON m.old_id = json_extract(j.value, '$.userId')),
    version = version + 1
WHERE EXISTS (SELECT 1 FROM json_each(events.co_organisers) j
              JOIN i12_user_key_map m ON m.old_id = json_extract(j.value, '$.userId'));

DELETE FROM private_chats WHERE user_id IN (
    SELECT p.user_id FROM private_chats p JOIN i12_user_key_map m ON m.old_id = p.user_id
    WHERE EXISTS (SELECT 1 FROM private_chats k WHERE k.user_id = m.new_key)
       OR EXISTS (SELECT 1 FROM private_chats o JOIN i12_user_key_map mo ON mo.old_id = o.user_id
                  WHERE mo.new_key = m.new_key AND o.user_id < p.user_id));
UPDATE private_chats SET user_id = (SELECT new_key FROM i12_user_key_map WHERE old_id = private_chats.user_id)
WHERE user_id IN (SELECT old_id FROM i12_user_key_map);

DROP TABLE i12_user_key_map;
