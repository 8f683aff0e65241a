// Issue 22 at head office: the branch's own links and merges as its case snapshot carries them
// (sync/record-snapshots.ts: matterId; mergedInto, the primary's case id of a duplicate closed as 重复),
// read for the case projection (hq_cases.matter_id, merged_into; migration 0020). Both fields are
// additive: a snapshot without them (an older branch) projects as alone and not merged.
import { z } from 'zod';

const id = z.string().min(1).max(100);

/** The two fields, each dropped to null when absent or malformed (the rest of the case still lists). */
const MatterFields = z.object({
  matterId: id.nullish().catch(null),
  mergedInto: id.nullish().catch(null),
});

/** The projection's matter_id and merged_into (the primary's case id) of a case snapshot. */
export function matterFacts(snap: unknown): { matterId: string | null; mergedInto: string | null } {
  const r = MatterFields.safeParse(snap);
  if (!r.success) return { matterId: null, mergedInto: null };
  return { matterId: r.data.matterId ?? null, mergedInto: r.data.mergedInto ?? null };
}
