-- The reviewer's 批示 queue (issue 13 §2): a 批示 is corrected or withdrawn only by a new version
-- that names the one it supersedes, with a reason; cases are assigned to a reviewer and marked
-- read (已阅) by each reviewer.
ALTER TABLE instructions ADD COLUMN kind TEXT NOT NULL DEFAULT 'instruction' CHECK (kind IN ('instruction', 'correction', 'withdrawal'));
ALTER TABLE instructions ADD COLUMN reason TEXT;
ALTER TABLE instructions ADD COLUMN supersedes TEXT REFERENCES instructions (id);
-- One version supersedes a 批示 at most: a second correction of the same one is refused.
CREATE UNIQUE INDEX instructions_supersedes ON instructions (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE case_assignments (
  branch TEXT COLLATE "C" NOT NULL,
  case_id TEXT NOT NULL,
  reviewer TEXT NOT NULL REFERENCES reviewers (username),
  assigned_by TEXT NOT NULL REFERENCES reviewers (username),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (branch, case_id)
);
CREATE INDEX case_assignments_reviewer ON case_assignments (reviewer, branch, case_id);

CREATE TABLE case_reads (
  branch TEXT COLLATE "C" NOT NULL,
  case_id TEXT NOT NULL,
  reviewer TEXT NOT NULL REFERENCES reviewers (username),
  read_at BIGINT NOT NULL,
  PRIMARY KEY (branch, case_id, reviewer)
);
