-- The case list's unit, late and waiting facts (issue 13 §3, §5): the complained-about and the
-- handling unit as the branch sent their ids (a unit is (branch, unit)); when the case was first
-- answered (resolved at the counter or fed back) and the deadline in effect then (from the audit
-- entry that moved dueAt at that instant, as the case view decides met/missed); the earliest promised
-- reply time still open; whether a promise was answered after its time; since when it waits for a
-- sign-off (submittedAt, else received). Filled by the importer (projection.ts, answered-limit.ts).
ALTER TABLE hq_cases ADD COLUMN complained_unit TEXT;
ALTER TABLE hq_cases ADD COLUMN handling_unit TEXT;
ALTER TABLE hq_cases ADD COLUMN answered_at BIGINT;
ALTER TABLE hq_cases ADD COLUMN answered_limit BIGINT;
ALTER TABLE hq_cases ADD COLUMN open_promise_at BIGINT;
ALTER TABLE hq_cases ADD COLUMN promise_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hq_cases ADD COLUMN waiting_since BIGINT;
-- Cases imported before: the same facts from the snapshots and audit entries already stored.
UPDATE hq_cases c SET
  complained_unit = CASE WHEN jsonb_typeof(j -> 'complainedUnitId') = 'string' THEN j ->> 'complainedUnitId' END,
  handling_unit = CASE WHEN jsonb_typeof(j -> 'handlingUnitId') = 'string' THEN j ->> 'handlingUnitId' END,
  answered_at = coalesce(
    CASE WHEN jsonb_typeof(j -> 'counterResolvedAt') = 'number' THEN (j ->> 'counterResolvedAt')::numeric END,
    CASE WHEN jsonb_typeof(j -> 'firstFedBackAt') = 'number' THEN (j ->> 'firstFedBackAt')::numeric END)::bigint,
  open_promise_at = CASE WHEN jsonb_typeof(j -> 'promises') = 'array' THEN (
    SELECT min((p ->> 'promisedAt')::numeric)::bigint FROM jsonb_array_elements(j -> 'promises') p
    WHERE jsonb_typeof(p -> 'promisedAt') = 'number' AND p ->> 'answeredAt' IS NULL AND p ->> 'keptAt' IS NULL) END,
  promise_late = CASE WHEN jsonb_typeof(j -> 'promises') = 'array' AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(j -> 'promises') p
    WHERE coalesce(CASE WHEN jsonb_typeof(p -> 'answeredAt') = 'number' THEN (p ->> 'answeredAt')::numeric END,
                   CASE WHEN jsonb_typeof(p -> 'keptAt') = 'number' THEN (p ->> 'keptAt')::numeric END)
        > CASE WHEN jsonb_typeof(p -> 'promisedAt') = 'number' THEN (p ->> 'promisedAt')::numeric END) THEN 1 ELSE 0 END,
  waiting_since = coalesce(CASE WHEN jsonb_typeof(j -> 'submittedAt') = 'number' THEN (j ->> 'submittedAt')::numeric::bigint END, c.received_at)
FROM (SELECT branch, id, payload::jsonb AS j FROM records WHERE type = 'case') r WHERE r.branch = c.branch AND r.id = c.id;
UPDATE hq_cases SET waiting_since = received_at WHERE waiting_since IS NULL;
UPDATE hq_cases c SET answered_limit = (
  SELECT (a.payload::jsonb -> 'before' ->> 'dueAt')::numeric::bigint FROM records a
  WHERE a.branch = c.branch AND a.type = 'audit' AND a.parent_id = c.id
    AND a.payload::jsonb ->> 'entity' = 'case' AND CASE WHEN jsonb_typeof(a.payload::jsonb -> 'at') = 'number' THEN (a.payload::jsonb ->> 'at')::numeric END = c.answered_at
    AND jsonb_typeof(a.payload::jsonb -> 'before' -> 'dueAt') = 'number'
    AND (a.payload::jsonb -> 'after' -> 'firstFedBackAt' IS NOT NULL OR a.payload::jsonb -> 'after' -> 'counterResolvedAt' IS NOT NULL)
  LIMIT 1
) WHERE c.answered_at IS NOT NULL;
CREATE INDEX hq_cases_unit ON hq_cases (branch, complained_unit, received_at DESC, id) WHERE complained_unit IS NOT NULL;
CREATE INDEX hq_cases_waiting ON hq_cases (status, waiting_since, branch, id);
