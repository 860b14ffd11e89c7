-- Read receipts: the highest message sequence number each side has seen, on the session's narrow
-- head row (one row per session, locked by the event log's appends only briefly). Only grow.
ALTER TABLE cw_session_head ADD COLUMN customer_read_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE cw_session_head ADD COLUMN agent_read_seq BIGINT DEFAULT 0 NOT NULL;
