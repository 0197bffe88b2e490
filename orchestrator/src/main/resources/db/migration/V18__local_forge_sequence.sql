-- The last number a repository of the local forge gave out. Writers take the next one by updating
-- this row, which holds the row's lock until their transaction ends: two writers (another replica)
-- then queue instead of both reading the same MAX(number) and one losing on the primary key.
CREATE TABLE local_forge_sequence (
  repo VARCHAR(64) PRIMARY KEY,
  last_number INT NOT NULL
);
INSERT INTO local_forge_sequence (repo, last_number)
  SELECT repo, MAX(number) FROM local_forge_item GROUP BY repo;
