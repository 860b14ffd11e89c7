-- The host's own tables: contacts, e-mail interactions, global settings.
CREATE TABLE host_contact (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE host_contact_field (
    contact_id  VARCHAR(36)  NOT NULL REFERENCES host_contact (id) ON DELETE CASCADE,
    field_name  VARCHAR(64)  NOT NULL,
    field_value VARCHAR(1000) NOT NULL,
    match_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (contact_id, field_name)
);
CREATE INDEX host_contact_field_match ON host_contact_field (field_name, match_value);

CREATE TABLE host_mail_interaction (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    message_id  VARCHAR(500)  NOT NULL,
    mail_from   VARCHAR(500)  NOT NULL,
    mail_to     VARCHAR(500)  NOT NULL,
    subject     VARCHAR(1000) NOT NULL,
    body        VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT host_mail_interaction_message_id UNIQUE (message_id)
);

CREATE TABLE host_mail_attachment (
    interaction_id VARCHAR(36)  NOT NULL REFERENCES host_mail_interaction (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(255) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    stored_path    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (interaction_id, position)
);

CREATE TABLE host_setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(10000) NOT NULL
);
INSERT INTO host_setting (setting_key, setting_value) VALUES ('chatTimeoutSeconds', '600');
