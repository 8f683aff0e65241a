-- The case's deadline as the branch last sent it (CaseRecord.dueAt), for the console list's
-- deadline and overdue column. Filled by the importer from the next version of each case.
ALTER TABLE hq_cases ADD COLUMN due_at INTEGER;
-- Cases imported before: their deadline from the snapshot already stored.
UPDATE hq_cases SET due_at = (
  SELECT json_extract(r.payload, '$.dueAt') FROM records r WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id
);
