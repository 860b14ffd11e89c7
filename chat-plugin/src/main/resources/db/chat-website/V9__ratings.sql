-- A customer's rating of a closed chat, stored with it: one per chat, the first one wins.
CREATE TABLE cw_rating (
    session_id   VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES cw_session (id),
    score        INTEGER       NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment_text VARCHAR(4000),
    rated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cw_rating_rated_at ON cw_rating (rated_at);
-- The queue: a website's waiting chats by age, and its recent accepts for the estimated wait.
CREATE INDEX cw_session_website_state_created ON cw_session (website_id, state, created_at);
CREATE INDEX cw_session_website_accepted ON cw_session (website_id, accepted_at);
