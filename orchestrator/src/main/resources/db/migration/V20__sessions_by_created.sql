-- the digest reads requests started in a span of time (docs/schedules.md)
CREATE INDEX sessions_by_created ON sessions (created_at);
