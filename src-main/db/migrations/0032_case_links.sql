-- Cases of one matter (issue 22). A matter is the cases sharing cases.matter_id (a uuid; NULL: alone).
-- A merged duplicate is closed as 重复: status 'filed' with the pointer merged_into (its number kept, never
-- reused), when, by whom and why; undoing clears the pointer. case_merges keeps every merge, undone ones too
-- (undone_at set), with what undo needs: the status, filing and matter it had, the open promises moved to the
-- primary, and the handling limit it carried there (a 12315 body's deadline). The audit keeps the rest.
ALTER TABLE cases ADD COLUMN matter_id TEXT;
ALTER TABLE cases ADD COLUMN merged_into TEXT;
ALTER TABLE cases ADD COLUMN merged_into_number TEXT;
ALTER TABLE cases ADD COLUMN merged_at INTEGER;
ALTER TABLE cases ADD COLUMN merged_by TEXT;
ALTER TABLE cases ADD COLUMN merge_reason TEXT;
CREATE INDEX cases_matter ON cases(matter_id) WHERE matter_id IS NOT NULL;
CREATE INDEX cases_merged_into ON cases(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE case_merges (
  id TEXT PRIMARY KEY,
  duplicate_id TEXT NOT NULL REFERENCES cases(id),
  primary_id TEXT NOT NULL REFERENCES cases(id),
  merged_at INTEGER NOT NULL,
  merged_by TEXT NOT NULL REFERENCES users(id),
  merged_by_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  different_customer INTEGER NOT NULL DEFAULT 0 CHECK (different_customer IN (0, 1)),
  status_before TEXT NOT NULL,
  filed_at_before INTEGER,
  filed_by_before TEXT,
  matter_before TEXT,
  moved_promise_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(moved_promise_ids)),
  carried_due_at INTEGER,
  undone_at INTEGER,
  undone_by TEXT REFERENCES users(id),
  undo_reason TEXT,
  CHECK (duplicate_id <> primary_id)
);
-- At most one merge in force per duplicate; the primary's merges in force read by the case view and the deadline.
CREATE UNIQUE INDEX case_merges_in_force ON case_merges(duplicate_id) WHERE undone_at IS NULL;
CREATE INDEX case_merges_primary ON case_merges(primary_id) WHERE undone_at IS NULL;
