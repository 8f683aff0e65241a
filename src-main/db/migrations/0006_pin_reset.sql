-- PIN self-service (issue 12): a PIN reset by the manager must be changed at the next
-- sign-in; and a small key/value table for facts about the store itself, such as whether
-- `seed-demo` made it (only then does the sign-in card show the demo accounts).
ALTER TABLE users ADD COLUMN must_change_pin INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pin IN (0, 1));

CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
