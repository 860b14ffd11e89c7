-- Chat sessions and their event log (messages, state changes, video links), one sequence per session.
ALTER TABLE cw_website ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE cw_session (
    id               VARCHAR(36)      NOT NULL PRIMARY KEY,
    website_id       VARCHAR(36)      NOT NULL REFERENCES cw_website (id),
    token_hash       VARCHAR(64)      NOT NULL,
    state            VARCHAR(16)      NOT NULL,
    disposition      VARCHAR(64),
    form_fields      VARCHAR(1000000) NOT NULL,
    variables        VARCHAR(100000)  NOT NULL,
    contact_id       VARCHAR(64),
    page_url         VARCHAR(2000),
    agent            VARCHAR(200),
    last_seq         BIGINT           NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at      TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cw_session_website_state ON cw_session (website_id, state);
CREATE INDEX cw_session_state_activity ON cw_session (state, last_activity_at);

CREATE TABLE cw_session_event (
    session_id        VARCHAR(36)     NOT NULL REFERENCES cw_session (id),
    seq               BIGINT          NOT NULL,
    event_type        VARCHAR(16)     NOT NULL,
    sender            VARCHAR(16),
    payload           VARCHAR(100000) NOT NULL,
    client_message_id VARCHAR(100),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE UNIQUE INDEX cw_session_event_client_id ON cw_session_event (session_id, sender, client_message_id);
