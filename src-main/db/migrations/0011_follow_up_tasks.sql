-- Follow-ups as tasks (回访, SPEC §12): each has an assignee and, when done, an outcome code
-- (reached and satisfied / reached and not satisfied / unreachable 联系不上); the free text of
-- earlier follow-ups stays their note. A case whose customer could not be reached after the
-- branch's set attempts may be filed as "customer unreachable" (顾客无法联系): the filing reason
-- is kept on the case, with the count of unreachable attempts that allowed it.
ALTER TABLE follow_ups ADD COLUMN assignee_id TEXT REFERENCES users(id);
ALTER TABLE follow_ups ADD COLUMN outcome TEXT CHECK (outcome IN ('reached_satisfied', 'reached_unsatisfied', 'unreachable'));
ALTER TABLE cases ADD COLUMN unreachable_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN filing_reason TEXT CHECK (filing_reason IN ('customer_unreachable'));
-- "My follow-ups": the assignee's open ones by due time.
CREATE INDEX follow_ups_assignee_pending ON follow_ups(assignee_id, due_at, rid) WHERE done_at IS NULL;
-- The summary reads outcomes from the period's start on (a follow-up never precedes its case).
CREATE INDEX follow_ups_created ON follow_ups(created_at, case_id, outcome);
CREATE INDEX cases_filed_unreachable ON cases(received_at) WHERE filing_reason = 'customer_unreachable';
