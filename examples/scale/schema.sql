-- The helpdesk's own tables. The dedupe key is the inbox's primary key: the row *is*
-- the effect, so "handled" and "recorded" commit together or not at all.
CREATE TABLE IF NOT EXISTS inbox (
    dedupe_key       text PRIMARY KEY,
    conversation_key text NOT NULL,
    kind             text NOT NULL,
    event_time       bigint NOT NULL,
    -- The helpdesk's own bound on one stored event: a larger one is refused by the
    -- database and set aside in the dead-letter stream, never retried forever.
    event            jsonb NOT NULL CHECK (octet_length(event::text) <= 65536),
    worker           text NOT NULL,
    handled_seq      bigserial
);
CREATE INDEX IF NOT EXISTS inbox_by_conversation ON inbox (conversation_key, handled_seq);

CREATE TABLE IF NOT EXISTS conversations (
    conversation_key text PRIMARY KEY,
    events           bigint NOT NULL,
    last_event_time  bigint NOT NULL
);

-- One row per partition stream: how far it was handled (`cursor`, the last stream entry
-- ID committed) and which lease may commit (`fence`, the lease's token). A worker that
-- takes a partition raises the fence; a stalled worker's commit with an older token is
-- refused, so it can neither skip nor reorder what the new owner handles.
CREATE TABLE IF NOT EXISTS partitions (
    partition int PRIMARY KEY,
    fence     bigint NOT NULL,
    cursor    text NOT NULL
);
