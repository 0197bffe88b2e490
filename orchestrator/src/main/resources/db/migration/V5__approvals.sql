-- A request's root may wait for a person's approval: state awaiting_approval, not terminal, no worker.
ALTER TABLE sessions DROP CONSTRAINT sessions_state;
ALTER TABLE sessions ALTER COLUMN state SET DATA TYPE VARCHAR(24);
ALTER TABLE sessions ADD CONSTRAINT sessions_state CHECK (state IN
  ('queued', 'running', 'awaiting_approval', 'succeeded', 'failed', 'timed_out', 'cancelled',
   'interrupted'));

-- One approval per parked root session: what it would do (its dry run) and who decided, once.
CREATE TABLE approvals (
  id           VARCHAR(16)   PRIMARY KEY,
  session_id   BIGINT        NOT NULL,
  request      VARCHAR(1024) NOT NULL,
  reason       VARCHAR(1024) NOT NULL,
  preview      VARCHAR(100000) NOT NULL,
  state        VARCHAR(16)   NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by   VARCHAR(256),
  decided_at   TIMESTAMP WITH TIME ZONE,
  note         VARCHAR(1024),
  CONSTRAINT approvals_session FOREIGN KEY (session_id) REFERENCES sessions (id),
  CONSTRAINT approvals_state CHECK (state IN ('pending', 'approved', 'denied', 'expired'))
);
CREATE INDEX approvals_by_state ON approvals (state, expires_at);
