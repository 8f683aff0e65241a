-- Cases of one matter (issue 22). hq_cases.matter_id / merged_into: a branch's own links and merges as its
-- case snapshot carries them (matterId, the merge pointer), projected by the importer (matter-projection.ts).
-- hq_matters / hq_matter_cases: head office's own cross-branch matters (cross-branch-matters.ts): a reviewer
-- links cases of different branches; the branches' records are never edited. A case is in at most one live
-- cross-branch matter (unlinked_at IS NULL). hq_matter_log: every link and unlink, append-only (the audit).
-- hq_matter_notices: what each branch involved is told, served on its pull by their own cursor (?matters=N).
ALTER TABLE hq_cases ADD COLUMN matter_id TEXT;
ALTER TABLE hq_cases ADD COLUMN merged_into TEXT;
CREATE INDEX hq_cases_matter ON hq_cases (branch, matter_id) WHERE matter_id IS NOT NULL;
CREATE INDEX hq_cases_merged ON hq_cases (branch, merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE hq_matters (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_by_name TEXT NOT NULL
);

CREATE TABLE hq_matter_cases (
  rid INTEGER PRIMARY KEY AUTOINCREMENT,
  matter_id TEXT NOT NULL REFERENCES hq_matters (id),
  branch TEXT NOT NULL,
  case_id TEXT NOT NULL,
  number TEXT NOT NULL,
  linked_at INTEGER NOT NULL,
  linked_by_name TEXT NOT NULL,
  unlinked_at INTEGER,
  unlinked_by_name TEXT,
  unlink_reason TEXT
);
CREATE UNIQUE INDEX hq_matter_cases_live ON hq_matter_cases (branch, case_id) WHERE unlinked_at IS NULL;
CREATE INDEX hq_matter_cases_matter ON hq_matter_cases (matter_id);

CREATE TABLE hq_matter_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  matter_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
  branch TEXT NOT NULL,
  case_id TEXT NOT NULL,
  number TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  at INTEGER NOT NULL,
  reason TEXT
);
CREATE INDEX hq_matter_log_matter ON hq_matter_log (matter_id, seq);
CREATE TRIGGER hq_matter_log_no_update BEFORE UPDATE ON hq_matter_log
  BEGIN SELECT RAISE(ABORT, 'the matter log is append-only'); END;
CREATE TRIGGER hq_matter_log_no_delete BEFORE DELETE ON hq_matter_log
  BEGIN SELECT RAISE(ABORT, 'the matter log is append-only'); END;

CREATE TABLE hq_matter_notices (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  branch TEXT NOT NULL,
  case_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  received_at INTEGER
);
CREATE INDEX hq_matter_notices_branch ON hq_matter_notices (branch, seq);
