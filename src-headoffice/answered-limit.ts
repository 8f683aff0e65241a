// The deadline in effect when a case was first answered (hq_cases.answered_limit, migration 0007):
// the dueAt that the case's audit entry of that instant changed from, as the console's case view
// decides met/missed. Audit entries are stored before the projection, in the same transaction.
import type { HqQuery, HqStore } from './store';

const SQL: Record<HqStore['kind'], string> = {
  sqlite: `UPDATE hq_cases SET answered_limit = (
    SELECT json_extract(a.payload, '$.before.dueAt') FROM records a
    WHERE a.branch = hq_cases.branch AND a.type = 'audit' AND a.parent_id = hq_cases.id
      AND json_extract(a.payload, '$.entity') = 'case' AND json_extract(a.payload, '$.at') = hq_cases.answered_at
      AND json_type(a.payload, '$.before.dueAt') IN ('integer', 'real')
      AND (json_type(a.payload, '$.after.firstFedBackAt') IS NOT NULL OR json_type(a.payload, '$.after.counterResolvedAt') IS NOT NULL)
    LIMIT 1)
  WHERE branch = ? AND id IN (SELECT value FROM json_each(?)) AND answered_at IS NOT NULL AND answered_limit IS NULL`,
  pg: `UPDATE hq_cases c SET answered_limit = (
    SELECT (a.payload::jsonb -> 'before' ->> 'dueAt')::numeric::bigint FROM records a
    WHERE a.branch = c.branch AND a.type = 'audit' AND a.parent_id = c.id
      AND a.payload::jsonb ->> 'entity' = 'case' AND CASE WHEN jsonb_typeof(a.payload::jsonb -> 'at') = 'number' THEN (a.payload::jsonb ->> 'at')::numeric END = c.answered_at
      AND jsonb_typeof(a.payload::jsonb -> 'before' -> 'dueAt') = 'number'
      AND (a.payload::jsonb -> 'after' -> 'firstFedBackAt' IS NOT NULL OR a.payload::jsonb -> 'after' -> 'counterResolvedAt' IS NOT NULL)
    LIMIT 1)
  WHERE c.branch = ? AND c.id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND c.answered_at IS NOT NULL AND c.answered_limit IS NULL`,
};

/** Fills the limit of the branch's cases just projected that are answered and have none yet. */
export async function fillAnsweredLimits(
  t: HqQuery,
  kind: HqStore['kind'],
  branch: string,
  rows: { id: string; answeredAt: number | null }[],
): Promise<void> {
  const ids = rows.filter((r) => r.answeredAt !== null).map((r) => r.id);
  if (ids.length) await t.run(SQL[kind], [branch, JSON.stringify(ids)]);
}
