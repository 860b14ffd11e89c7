-- Whether a waiting chat was sent the website's waiting message (sent once).
ALTER TABLE cw_session ADD COLUMN waiting_notified BOOLEAN DEFAULT FALSE NOT NULL;
