-- Websites: one row per configured chat website; the configuration is JSON.
CREATE TABLE cw_website (
    id          VARCHAR(36)      NOT NULL PRIMARY KEY,
    public_key  VARCHAR(64)      NOT NULL,
    name        VARCHAR(200)     NOT NULL,
    config      VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cw_website_key_unique UNIQUE (public_key)
);
