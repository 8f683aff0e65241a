// Retention (issue 20 §2): a filed case's personal data is anonymised `retentionYears` after its
// filing (a not-accepted case's after its decline); a case never filed nor declined is never
// anonymised by retention (it is still being handled). A slip without a case counts from when it
// was handled, once completed or voided. The chain's value from head office wins over the branch's.
import { chainRetentionYears, setChainRetentionYears as setChainYears } from './chain-retention';
import { DEFAULT_RETENTION_YEARS } from '../shared/anonymisation';
import {
  anonymise,
  type AnonymisationPlan,
  type AnonymisationResult,
  compactAfterAnonymisation,
  deleteLeftoverPersonalFiles,
  planAnonymisation,
} from './anonymise';
import type { Author, ServiceContext } from './context';

/** Who the audit log names for a retention run. */
export const RETENTION_AUTHOR: Author = { id: null, staffNo: null, name: '系统(保留期限)System (retention)' };

/** The chain's value (sync/chain-retention.ts), set from the pull; tests and the settings screen set it through here. */
export const setChainRetentionYears = (ctx: ServiceContext, years: number | null): void => setChainYears(ctx.db, years);

export function effectiveRetentionYears(ctx: ServiceContext): { years: number; imposed: boolean } {
  const chain = chainRetentionYears(ctx.db);
  if (chain !== null) return { years: chain, imposed: true };
  return { years: ctx.settings().retentionYears ?? DEFAULT_RETENTION_YEARS, imposed: false };
}

/** The instant `years` calendar years before `now` (UTC): filed before it means due. */
export function retentionCutoff(now: number, years: number): number {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}

function dueRecords(ctx: ServiceContext, cutoff: number): { caseIds: string[]; slipIds: string[] } {
  const caseIds = (
    ctx.db
      .prepare(
        `SELECT id FROM cases WHERE anonymised_at IS NULL AND (
           (status = 'filed' AND filed_at < ?) OR (status = 'not_accepted' AND declined_at < ?)) ORDER BY rid`,
      )
      .all(cutoff, cutoff) as { id: string }[]
  ).map((r) => r.id);
  const slipIds = (
    ctx.db
      .prepare(
        `SELECT id FROM slips WHERE anonymised_at IS NULL AND case_id IS NULL
           AND status IN ('completed', 'void') AND handled_at < ? ORDER BY rid`,
      )
      .all(cutoff) as { id: string }[]
  ).map((r) => r.id);
  return { caseIds, slipIds };
}

export interface RetentionRun {
  years: number;
  imposed: boolean;
  cutoff: number;
  dryRun: boolean;
  plan: AnonymisationPlan;
  result: AnonymisationResult | null;
  /** Records past the limit were left for a later run (`limit`). */
  more: boolean;
}

/** What retention would anonymise at `now` (nothing changes) or, without `dryRun`, anonymises it and compacts the file. */
export function runRetention(
  ctx: ServiceContext,
  o: {
    now: number;
    dryRun: boolean;
    /** At most this many cases and this many slips (the background's bite). */ limit?: number;
  },
): RetentionRun {
  const { years, imposed } = effectiveRetentionYears(ctx);
  const cutoff = retentionCutoff(o.now, years);
  const all = dueRecords(ctx, cutoff);
  const due =
    o.limit === undefined ? all : { caseIds: all.caseIds.slice(0, o.limit), slipIds: all.slipIds.slice(0, o.limit) };
  const more = due.caseIds.length < all.caseIds.length || due.slipIds.length < all.slipIds.length;
  const plan = planAnonymisation(ctx, due.caseIds, due.slipIds);
  if (o.dryRun) return { years, imposed, cutoff, dryRun: true, plan, result: null, more };
  deleteLeftoverPersonalFiles(ctx);
  const result = anonymise(ctx, RETENTION_AUTHOR, { ...due, reason: 'retention' });
  if (result.recordId !== null) compactAfterAnonymisation(ctx);
  return { years, imposed, cutoff, dryRun: false, plan, result, more };
}
