-- The branch's own closed days (issue 21 §2): the manager closes the branch for renovation or a stock-take
-- on top of head office's working calendar. A removed closure keeps its row (who removed it and why);
-- invariant: at most one closure in force per date.
CREATE TABLE local_closures (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason TEXT NOT NULL CHECK (length(reason) >= 2),
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  removed_by TEXT,
  removed_at INTEGER,
  remove_reason TEXT,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (remove_reason IS NULL))
);
CREATE UNIQUE INDEX local_closures_in_force ON local_closures (date) WHERE removed_at IS NULL;
