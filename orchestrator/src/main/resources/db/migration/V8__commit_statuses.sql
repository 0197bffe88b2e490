-- The local forge's commit statuses (what a PR's checks would show): one per commit and context.
CREATE TABLE local_forge_status (
  repo        VARCHAR(64)  NOT NULL,
  sha         VARCHAR(40)  NOT NULL,
  context     VARCHAR(128) NOT NULL,
  state       VARCHAR(8)   NOT NULL, -- PENDING, SUCCESS, FAILURE or ERROR
  description VARCHAR(160) NOT NULL,
  target_url  VARCHAR(512),
  updated_at  TIMESTAMP    NOT NULL,
  PRIMARY KEY (repo, sha, context)
);
