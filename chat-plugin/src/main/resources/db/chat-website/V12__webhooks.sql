-- Webhook endpoints per website, and their deliveries: one outbox row per event and endpoint, written
-- in the same transaction as the change that caused the event, retried with backoff until a 2xx.
CREATE TABLE cw_webhook_endpoint (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    website_id     VARCHAR(36)   NOT NULL REFERENCES cw_website (id),
    url            VARCHAR(2000) NOT NULL,
    events         VARCHAR(400)  NOT NULL,
    secret         VARCHAR(100)  NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    allow_private  BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cw_webhook_endpoint_website ON cw_webhook_endpoint (website_id);

CREATE TABLE cw_webhook_delivery (
    event_id        VARCHAR(36)     NOT NULL,
    endpoint_id     VARCHAR(36)     NOT NULL REFERENCES cw_webhook_endpoint (id),
    website_id      VARCHAR(36)     NOT NULL,
    event_type      VARCHAR(32)     NOT NULL,
    session_id      VARCHAR(36),
    subject_id      VARCHAR(36),
    payload         VARCHAR(1000000) NOT NULL,
    state           VARCHAR(16)     NOT NULL,
    attempts        INTEGER         NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(1000),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, endpoint_id)
);
CREATE INDEX cw_webhook_delivery_due ON cw_webhook_delivery (state, next_attempt_at);
CREATE INDEX cw_webhook_delivery_log ON cw_webhook_delivery (website_id, created_at);
CREATE INDEX cw_webhook_delivery_session ON cw_webhook_delivery (session_id);
