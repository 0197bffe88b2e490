-- Replicas sharing one store: a request accepted by any replica is stored queued and run by the
-- leader, which rebuilds it from here, including an approval given up front (--yes).
ALTER TABLE sessions ADD COLUMN approved_by VARCHAR(256);
CREATE INDEX sessions_by_state ON sessions (state);
