// Head office's cross-branch matter notices at the branch (issue 22 §4): stored once from the sync pull
// (sync/matter-notices-pull.ts) and shown on the case they name ("the same matter is also handled at SH02
// as SH02-YY-…"). Head office links cases of different branches; it never changes this branch's case:
// nothing here touches the cases table, the outbox or the timeline.
import { z } from 'zod';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { CaseOnlyInput } from '../shared/schemas/case';
import { type CrossBranchMatterView, MatterOther, type MatterNotice } from '../shared/matter-notice-wire';
import type { ServiceContext } from './context';
import { getCase } from './case-read';
import { withInput, type Parsed } from './with-input';

/** Stores one notice; false when it was held already (pulled twice). */
export function applyMatterNotice(db: Parameters<typeof stmt>[0], n: MatterNotice, now: number): boolean {
  const at = Date.parse(n.at);
  return (
    stmt(
      db,
      `INSERT INTO head_office_matter_notices (id, seq, case_id, case_number, matter_id, kind, others, reviewer_name, reason, at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    ).run(
      n.noticeId,
      n.seq,
      n.caseId,
      n.caseNumber,
      n.matterId,
      n.kind,
      JSON.stringify(n.others),
      n.reviewerName,
      n.reason ?? null,
      Number.isNaN(at) ? now : at,
      now,
    ).changes > 0
  );
}

const Row = z.object({
  matterId: z.string(),
  kind: z.enum(['linked', 'unlinked']),
  others: z.string(),
  reviewerName: z.string(),
  reason: z.string().nullable(),
  at: z.number(),
});

/** The newest notice about the case (by head office's order), or null. */
export function crossBranchMatterOf(db: Parameters<typeof stmt>[0], caseId: string): CrossBranchMatterView | null {
  const raw: unknown = stmt(
    db,
    `SELECT matter_id AS matterId, kind, others, reviewer_name AS reviewerName, reason, at
     FROM head_office_matter_notices WHERE case_id = ? ORDER BY seq DESC LIMIT 1`,
  ).get(caseId);
  const r = Row.safeParse(raw);
  if (!r.success) return null;
  const others = z.array(MatterOther).safeParse(JSON.parse(r.data.others));
  return { ...r.data, others: others.success ? others.data : [] };
}

/** cases.crossBranchMatter: the newest notice about a case this user may read (read through the case view). */
export const crossBranchMatter = withInput(
  CaseOnlyInput,
  function crossBranchMatter(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof CaseOnlyInput>,
  ): CrossBranchMatterView | null {
    return crossBranchMatterOf(ctx.db, getCase.parsed(ctx, actor, input).id);
  },
);
