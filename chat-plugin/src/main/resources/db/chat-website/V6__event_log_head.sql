-- The event log's head: one narrow row per session holding its last sequence number and activity
-- time, so that appending a message does not rewrite the wide session row. Its row lock orders the
-- session's appends on every node.
CREATE TABLE cw_session_head (
    session_id       VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES cw_session (id),
    last_seq         BIGINT      NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO cw_session_head (session_id, last_seq, last_activity_at)
    SELECT id, last_seq, last_activity_at FROM cw_session;

-- Leases for work done once per cluster (the sweeper), held by one node until they expire.
CREATE TABLE cw_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO cw_lease (name, holder, expires_at) VALUES ('housekeeping', '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');
