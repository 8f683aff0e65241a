// The slip screen's queues (issue 12): awaiting the supervisor's or the manager's approval (split
// by the approval authority of domain/slips.ts), unsettled for finance, voided, and all; newest
// first, keyset-paginated on (handled_at, rid) like the case queues; counts for each; a case's slips.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { SlipListInput, type SlipQueue } from '../shared/schemas/slip';
import type { Page, SlipRow } from '../shared/types';
import type { ServiceContext } from './context';
import { type RawSlipRow, SLIP_ROW_COLUMNS, SLIP_ROW_FROM, toSlipRow } from './slip-rows';
import { slipScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

/** Over the supervisor's authority: only the manager may approve (mayApprove in domain/slips.ts). */
const OVER_SUPERVISOR = "s.approval_reasons LIKE '%over_limit%' AND s.returned_total_fen > ?";

/** Each queue's condition and the arguments it binds (the supervisor's limit where it needs it). */
function where(ctx: ServiceContext, queue: SlipQueue): { sql: string; args: unknown[] } {
  const limit = ctx.settings().approvalLimits.supervisorFen;
  switch (queue) {
    case 'approval_supervisor':
      return { sql: `s.status = 'pending_approval' AND NOT (${OVER_SUPERVISOR})`, args: [limit] };
    case 'approval_manager':
      return { sql: `s.status = 'pending_approval' AND ${OVER_SUPERVISOR}`, args: [limit] };
    case 'unsettled':
      return { sql: "s.status = 'completed' AND s.settlement_status = 'unsettled'", args: [] };
    case 'void':
      return { sql: "s.status = 'void'", args: [] };
    case 'all':
      return { sql: '1 = 1', args: [] };
  }
}

const encodeCursor = (at: number, rid: number): string => Buffer.from(JSON.stringify([at, rid])).toString('base64url');

function decodeCursor(cursor: string | undefined): [number, number] {
  if (!cursor) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2) {
      const [at, rid] = v;
      if (Number.isSafeInteger(at) && Number.isSafeInteger(rid)) return [Number(at), Number(rid)];
    }
  } catch {
    // fall through to the refusal
  }
  throw refuse('VALIDATION', '分页位置无效,请刷新列表', 'Invalid page cursor; reload the list', [
    { field: 'cursor', message: { zh: '分页位置无效', en: 'Invalid cursor' } },
  ]);
}

export const listSlips = withInput(
  SlipListInput,
  function listSlips(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipListInput>): Page<SlipRow> {
    const w = where(ctx, input.queue);
    const scope = slipScope(ctx, actor);
    const rows = stmt(
      ctx.db,
      `SELECT ${SLIP_ROW_COLUMNS} FROM ${SLIP_ROW_FROM} WHERE ${w.sql} AND ${scope.sql} AND (s.handled_at, s.rid) < (?, ?)
       ORDER BY s.handled_at DESC, s.rid DESC LIMIT ?`,
    ).all(...w.args, ...scope.args, ...decodeCursor(input.cursor), input.limit + 1) as RawSlipRow[];
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      rows: page.map(toSlipRow),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last.handled_at, last.rid) : null,
    };
  },
);

/** How many slips each queue holds, of those `actor` may see. */
export function slipCounts(ctx: ServiceContext, actor: Actor): Record<SlipQueue, number> {
  const scope = slipScope(ctx, actor);
  const n = (q: SlipQueue): number => {
    const w = where(ctx, q);
    return (
      stmt(ctx.db, `SELECT count(*) AS n FROM slips s WHERE ${w.sql} AND ${scope.sql}`).get(
        ...w.args,
        ...scope.args,
      ) as {
        n: number;
      }
    ).n;
  };
  return {
    approval_supervisor: n('approval_supervisor'),
    approval_manager: n('approval_manager'),
    unsettled: n('unsettled'),
    void: n('void'),
    all: n('all'),
  };
}

/** The slips linked to a case by id, oldest first (the case screen lists them with their status). */
export function caseSlips(ctx: ServiceContext, caseId: string): SlipRow[] {
  return (
    stmt(ctx.db, `SELECT ${SLIP_ROW_COLUMNS} FROM ${SLIP_ROW_FROM} WHERE s.case_id = ? ORDER BY s.rid`).all(
      caseId,
    ) as RawSlipRow[]
  ).map(toSlipRow);
}
