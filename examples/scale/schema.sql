-- The helpdesk's own tables. The dedupe key is the inbox's primary key: the row *is*
-- the effect, so "handled" and "recorded" commit together or not at all.
CREATE TABLE IF NOT EXISTS inbox (
    dedupe_key       text PRIMARY KEY,
    conversation_key text NOT NULL,
    kind             text NOT NULL,
    event_time       bigint NOT NULL,
    event            jsonb NOT NULL,
    worker           text NOT NULL,
    handled_seq      bigserial
);
CREATE INDEX IF NOT EXISTS inbox_by_conversation ON inbox (conversation_key, handled_seq);

CREATE TABLE IF NOT EXISTS conversations (
    conversation_key text PRIMARY KEY,
    events           bigint NOT NULL,
    last_event_time  bigint NOT NULL
);
