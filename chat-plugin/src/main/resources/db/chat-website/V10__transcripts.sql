-- Chat transcripts to e-mail, each its own outbox row: one per chat and address (the customer's
-- request, or the website's automatic one), retried with backoff until the mail is sent.
CREATE TABLE cw_transcript (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    session_id      VARCHAR(36)   NOT NULL REFERENCES cw_session (id),
    email           VARCHAR(320)  NOT NULL,
    email_key       VARCHAR(320)  NOT NULL,
    origin          VARCHAR(16)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX cw_transcript_session_email ON cw_transcript (session_id, email_key);
CREATE INDEX cw_transcript_due ON cw_transcript (state, next_attempt_at);
