-- The case list's unit, late and waiting facts (issue 13 §3, §5): the complained-about and the
-- handling unit as the branch sent their ids (a unit is (branch, unit)); when the case was first
-- answered (resolved at the counter or fed back) and the deadline in effect then (from the audit
-- entry that moved dueAt at that instant, as the case view decides met/missed); the earliest promised
-- reply time still open; whether a promise was answered after its time; since when it waits for a
-- sign-off (submittedAt, else received). Filled by the importer (projection.ts, answered-limit.ts).
ALTER TABLE hq_cases ADD COLUMN complained_unit TEXT;
ALTER TABLE hq_cases ADD COLUMN handling_unit TEXT;
ALTER TABLE hq_cases ADD COLUMN answered_at INTEGER;
ALTER TABLE hq_cases ADD COLUMN answered_limit INTEGER;
ALTER TABLE hq_cases ADD COLUMN open_promise_at INTEGER;
ALTER TABLE hq_cases ADD COLUMN promise_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hq_cases ADD COLUMN waiting_since INTEGER;
-- Cases imported before: the same facts from the snapshots and audit entries already stored.
UPDATE hq_cases SET
  complained_unit = (SELECT json_extract(r.payload, '$.complainedUnitId') FROM records r WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id),
  handling_unit = (SELECT json_extract(r.payload, '$.handlingUnitId') FROM records r WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id),
  answered_at = (SELECT coalesce(json_extract(r.payload, '$.counterResolvedAt'), json_extract(r.payload, '$.firstFedBackAt')) FROM records r WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id),
  open_promise_at = (SELECT min(json_extract(p.value, '$.promisedAt')) FROM records r, json_each(r.payload, '$.promises') p
    WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id AND json_type(r.payload, '$.promises') = 'array'
      AND json_extract(p.value, '$.answeredAt') IS NULL AND json_extract(p.value, '$.keptAt') IS NULL),
  promise_late = coalesce((SELECT max(coalesce(json_extract(p.value, '$.answeredAt'), json_extract(p.value, '$.keptAt')) > json_extract(p.value, '$.promisedAt')) FROM records r, json_each(r.payload, '$.promises') p
    WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id AND json_type(r.payload, '$.promises') = 'array'), 0),
  waiting_since = coalesce((SELECT json_extract(r.payload, '$.submittedAt') FROM records r WHERE r.branch = hq_cases.branch AND r.type = 'case' AND r.id = hq_cases.id), received_at);
UPDATE hq_cases SET answered_limit = (
  SELECT json_extract(a.payload, '$.before.dueAt') FROM records a
  WHERE a.branch = hq_cases.branch AND a.type = 'audit' AND a.parent_id = hq_cases.id
    AND json_extract(a.payload, '$.entity') = 'case' AND json_extract(a.payload, '$.at') = hq_cases.answered_at
    AND json_type(a.payload, '$.before.dueAt') IN ('integer', 'real')
    AND (json_type(a.payload, '$.after.firstFedBackAt') IS NOT NULL OR json_type(a.payload, '$.after.counterResolvedAt') IS NOT NULL)
  LIMIT 1
) WHERE answered_at IS NOT NULL;
CREATE INDEX hq_cases_unit ON hq_cases (branch, complained_unit, received_at DESC, id) WHERE complained_unit IS NOT NULL;
CREATE INDEX hq_cases_waiting ON hq_cases (status, waiting_since, branch, id);
