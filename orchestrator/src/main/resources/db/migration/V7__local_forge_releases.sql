-- Releases on the local forge: how a pull request was merged (`crew forge merge`), and a
-- milestone's description (where a rename leaves its old title).
ALTER TABLE local_forge_item ADD COLUMN merge_commit VARCHAR(64);
ALTER TABLE local_forge_item ADD COLUMN merged_at TIMESTAMP;
ALTER TABLE local_forge_milestone ADD COLUMN description VARCHAR NOT NULL DEFAULT '';
