-- Sync health with next steps (issue 13 §7): the branch's own time of the newest record it sent
-- (its clock, beside head office's import time), the backlog it reported before the last one
-- (a growing backlog), and each health problem a reviewer acknowledged, with who and when.
ALTER TABLE branches ADD COLUMN newest_record_at BIGINT;
ALTER TABLE branches ADD COLUMN backlog_prev BIGINT;
UPDATE branches SET newest_record_at = (
  SELECT max((r.payload::jsonb ->> 'updatedAt')::bigint) FROM records r
  WHERE r.branch = branches.code AND r.type = 'case'
    AND (r.payload::jsonb ->> 'updatedAt') ~ '^[0-9]{1,15}$'
);

-- One row per (branch, problem kind): the problem's time it acknowledged. A problem whose time is
-- later than problem_at (a new refusal, a newer quarantined record, …) is raised again.
CREATE TABLE health_acks (
  branch TEXT NOT NULL,
  kind TEXT NOT NULL,
  problem_at BIGINT NOT NULL,
  reviewer TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  acked_at BIGINT NOT NULL,
  PRIMARY KEY (branch, kind)
);
