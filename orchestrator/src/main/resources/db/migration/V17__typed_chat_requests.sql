-- A slash command's typed request, stored as the session stores it (JSON), so that a request a stop
-- left unstarted is started as it was asked, never read back from words; null for a message.
ALTER TABLE chat_requests ADD COLUMN request_json VARCHAR(100000);
