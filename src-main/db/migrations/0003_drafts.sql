-- Half-typed forms (intake, slip), saved through main as the clerk types so a crash or a power
-- cut loses nothing. A draft is not a record of the branch: it belongs to one user, is never
-- synced or audited, and is deleted once the form is submitted or the draft discarded, which
-- is why this is the one table without a no-delete trigger.
CREATE TABLE drafts (
  user_id TEXT NOT NULL REFERENCES users(id),
  form TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, form)
) WITHOUT ROWID;
