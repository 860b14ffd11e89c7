-- The admin's forms per website, and the customers' uploads for attachment fields.
CREATE TABLE cw_form (
    website_id  VARCHAR(36)      NOT NULL REFERENCES cw_website (id),
    form_kind   VARCHAR(16)      NOT NULL,
    definition  VARCHAR(1000000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (website_id, form_kind)
);

CREATE TABLE cw_upload (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    website_id    VARCHAR(36)   NOT NULL REFERENCES cw_website (id),
    form_kind     VARCHAR(16)   NOT NULL,
    field_name    VARCHAR(64)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    inline_safe   BOOLEAN       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    owner_id      VARCHAR(36),
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX cw_upload_unused ON cw_upload (used_at, created_at);
CREATE INDEX cw_upload_owner ON cw_upload (owner_id);
