-- Offline messages, and their deliveries by each offline handler (the outbox), written together.
CREATE TABLE cw_offline (
    id          VARCHAR(36)      NOT NULL PRIMARY KEY,
    website_id  VARCHAR(36)      NOT NULL REFERENCES cw_website (id),
    form_fields VARCHAR(1000000) NOT NULL,
    contact_id  VARCHAR(64),
    session_id  VARCHAR(36),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cw_offline_website ON cw_offline (website_id, created_at);

CREATE TABLE cw_outbox (
    offline_id      VARCHAR(36)   NOT NULL REFERENCES cw_offline (id),
    handler_id      VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (offline_id, handler_id)
);
CREATE INDEX cw_outbox_due ON cw_outbox (state, next_attempt_at);
