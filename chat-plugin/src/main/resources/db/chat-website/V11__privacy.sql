-- Consents: the agreement fields a customer checked in a form, with the text and version agreed to,
-- written in the same transaction as the chat or offline message (the interaction) they came with.
CREATE TABLE cw_consent (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    interaction_kind VARCHAR(16)   NOT NULL,
    interaction_id   VARCHAR(36)   NOT NULL,
    website_id       VARCHAR(36)   NOT NULL REFERENCES cw_website (id),
    contact_id       VARCHAR(64),
    field_name       VARCHAR(64)   NOT NULL,
    consent_text     VARCHAR(4000) NOT NULL,
    version          VARCHAR(64)   NOT NULL,
    agreed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cw_consent_interaction ON cw_consent (interaction_id);
CREATE INDEX cw_consent_contact ON cw_consent (contact_id);

-- Erasures of a contact's data: what was erased and by whom, with no personal data (not even the
-- contact's id, which would still point at the person in the host's Contact Manager).
CREATE TABLE cw_erasure (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    erased_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_by   VARCHAR(200)  NOT NULL,
    counts      VARCHAR(2000) NOT NULL
);
CREATE INDEX cw_erasure_at ON cw_erasure (erased_at);

-- Lookups by contact for erasure and export, and by age for retention.
CREATE INDEX cw_session_contact ON cw_session (contact_id);
CREATE INDEX cw_offline_contact ON cw_offline (contact_id);
CREATE INDEX cw_session_website_closed ON cw_session (website_id, state, closed_at);
CREATE INDEX cw_upload_website_created ON cw_upload (website_id, created_at);
