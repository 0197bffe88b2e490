-- Web console logins: the cookie a browser holds is a random value of which only its SHA-256 is
-- kept, so the table gives no one a live login; each carries the CSRF token its forms must send
-- and the requester named at login. crew console logout-all deletes them all.
CREATE TABLE console_logins (
  cookie_hash VARCHAR(64)  PRIMARY KEY,
  requester   VARCHAR(256) NOT NULL,
  csrf        VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- the console's filters walk the newest rows first (docs/console.md)
CREATE INDEX sessions_by_agent ON sessions (agent, id);
CREATE INDEX sessions_by_requester ON sessions (requester, id);
CREATE INDEX audit_by_agent ON audit (agent, id);
CREATE INDEX audit_by_kind ON audit (kind, id);
CREATE INDEX audit_by_at ON audit (at);
