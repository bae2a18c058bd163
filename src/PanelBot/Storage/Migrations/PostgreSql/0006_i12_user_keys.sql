-- People are keyed by person key (Conversation/UserKey.cs): 'aad:{tenant}:{object id}' for a Teams user, else
-- '{channel}:{account id}'. Rows were keyed by the bare account id (from.id). Each private line records the channel,
-- tenant and Entra object id of the account that wrote, so everyone who has written is re-keyed here; anyone else
-- is moved on their first turn (UserKeyMoves). The account id stays on the private line, for addressing the person.
ALTER TABLE private_chats ADD COLUMN member_id VARCHAR(500) NULL;
UPDATE private_chats SET member_id = user_id;

CREATE TEMP TABLE i12_user_key_map (old_id VARCHAR(500) PRIMARY KEY, new_key VARCHAR(500) NOT NULL) ON COMMIT DROP;
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
UPDATE registrations SET user_id = m.new_key FROM i12_user_key_map m WHERE m.old_id = registrations.user_id;

DELETE FROM user_profiles WHERE user_id IN (
    SELECT p.user_id FROM user_profiles p JOIN i12_user_key_map m ON m.old_id = p.user_id
    WHERE EXISTS (SELECT 1 FROM user_profiles k WHERE k.user_id = m.new_key)
       OR EXISTS (SELECT 1 FROM user_profiles o JOIN i12_user_key_map mo ON mo.old_id = o.user_id
                  WHERE mo.new_key = m.new_key AND o.user_id < p.user_id));
UPDATE user_profiles SET user_id = m.new_key FROM i12_user_key_map m WHERE m.old_id = user_profiles.user_id;


UPDATE events SET creator_id = m.new_key, version = version + 1 FROM i12_user_key_map m WHERE m.old_id = events.creator_id;

UPDATE events SET co_organisers = (
        SELECT COALESCE(json_agg(CASE WHEN m.new_key IS NULL THEN t.c ELSE jsonb_set(t.c, '{userId}', to_jsonb(m.new_key)) END
                                 ORDER BY t.ord), '[]'::json)::text
        FROM jsonb_array_elements(events.co_organisers::jsonb) WITH ORDINALITY AS t(c, ord)
        LEFT JOIN i12_user_key_map m ON m.old_id = t.c->>'userId'),
    version = version + 1
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(events.co_organisers::jsonb) AS t(c)
              JOIN i12_user_key_map m ON m.old_id = t.c->>'userId');

DELETE FROM private_chats WHERE user_id IN (
    SELECT p.user_id FROM private_chats p JOIN i12_user_key_map m ON m.old_id = p.user_id
    WHERE EXISTS (SELECT 1 FROM private_chats k WHERE k.user_id = m.new_key)
       OR EXISTS (SELECT 1 FROM private_chats o JOIN i12_user_key_map mo ON mo.old_id = o.user_id
                  WHERE mo.new_key = m.new_key AND o.user_id < p.user_id));
UPDATE private_chats SET user_id = m.new_key FROM i12_user_key_map m WHERE m.old_id = private_chats.user_id;
