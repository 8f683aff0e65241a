-- The case's deadline as the branch last sent it (CaseRecord.dueAt), for the console list's
-- deadline and overdue column. Filled by the importer from the next version of each case.
ALTER TABLE hq_cases ADD COLUMN due_at BIGINT;
-- Cases imported before: their deadline from the snapshot already stored.
UPDATE hq_cases c SET due_at = (r.payload::jsonb ->> 'dueAt')::bigint
FROM records r WHERE r.branch = c.branch AND r.type = 'case' AND r.id = c.id AND r.payload::jsonb ->> 'dueAt' IS NOT NULL;
