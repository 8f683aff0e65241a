-- Sync health with next steps (issue 13 §7): the branch's own time of the newest record it sent
-- (its clock, beside head office's import time), the backlog it reported before the last one
-- (a growing backlog), and each health problem a reviewer acknowledged, with who and when.
ALTER TABLE branches ADD COLUMN newest_record_at INTEGER;
ALTER TABLE branches ADD COLUMN backlog_prev INTEGER;
UPDATE branches SET newest_record_at = (
  SELECT max(json_extract(r.payload, '$.updatedAt')) FROM records r
  WHERE r.branch = branches.code AND r.type = 'case' AND json_valid(r.payload)
    AND json_type(r.payload, '$.updatedAt') = 'integer'
);

-- One row per (branch, problem kind): the problem's time it acknowledged. A problem whose time is
-- later than problem_at (a new refusal, a newer quarantined record, …) is raised again.
CREATE TABLE health_acks (
  branch TEXT NOT NULL,
  kind TEXT NOT NULL,
  problem_at INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  acked_at INTEGER NOT NULL,
  PRIMARY KEY (branch, kind)
);
