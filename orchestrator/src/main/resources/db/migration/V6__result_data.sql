-- What a session's action produced besides its text: findings, a release plan (JSON).
ALTER TABLE sessions ADD COLUMN result_data CLOB;
