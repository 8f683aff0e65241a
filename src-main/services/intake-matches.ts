// The intake notice (issue 18 §3): earlier cases and slips matching the phone, the customer's name
// or the receipt number being typed, each with why it matched, limited to what this user may see.
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { receiptKey } from '../domain/receipt-number';
import { refuse } from '../shared/errors';
import {
  INTAKE_MATCH_REASONS,
  MAX_INTAKE_MATCHES,
  type IntakeMatch,
  type IntakeMatchReason,
  type IntakeMatches,
} from '../shared/intake-match-types';
import { normalizePhone } from '../shared/phone';
import { IntakeMatchesInput } from '../shared/schemas/query';
import type { ServiceContext } from './context';
import { slipScope, unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

type Row = Omit<IntakeMatch, 'reasons'>;

/** One SQL condition per reason, over the alias `c` (cases) or `s` (slips), with its argument. */
type Conditions = Partial<Record<IntakeMatchReason, { sql: string; args: (string | number)[] }>>;

function caseConditions(phone: string | null, name: string | undefined, key: string): Conditions {
  return {
    ...(phone ? { phone: { sql: 'c.customer_phone = ?', args: [phone] } } : {}),
    ...(name ? { name: { sql: 'c.customer_id IN (SELECT id FROM customers WHERE name = ?)', args: [name] } } : {}),
    // The stored key (migration 0034, in the branch's receipt format), found through its index.
    ...(key ? { receipt: { sql: 'c.receipt_key = ?', args: [key] } } : {}),
  };
}

function slipConditions(phone: string | null, name: string | undefined, key: string): Conditions {
  return {
    ...(phone ? { phone: { sql: 's.customer_phone = ?', args: [phone] } } : {}),
    ...(name ? { name: { sql: 's.customer_name = ?', args: [name] } } : {}),
    ...(key
      ? { receipt: { sql: 's.id IN (SELECT slip_id FROM slip_returned_items WHERE receipt_key = ?)', args: [key] } }
      : {}),
  };
}

/** Runs one indexed query per reason and merges the rows by id, collecting the reasons in a fixed order. */
function collect(conds: Conditions, query: (where: string, args: (string | number)[]) => Row[]): IntakeMatch[] {
  const byId = new Map<string, IntakeMatch>();
  for (const reason of INTAKE_MATCH_REASONS) {
    const c = conds[reason];
    if (!c) continue;
    for (const row of query(c.sql, c.args)) {
      const seen = byId.get(row.id);
      if (seen) seen.reasons.push(reason);
      else byId.set(row.id, { ...row, reasons: [reason] });
    }
  }
  return [...byId.values()];
}

export const intakeMatches = withInput(
  IntakeMatchesInput,
  function intakeMatches(ctx: ServiceContext, actor: Actor, input: Parsed<typeof IntakeMatchesInput>): IntakeMatches {
    if (!can(actor.role, 'intake'))
      throw refuse('FORBIDDEN', '您的角色无权登记个案', 'Your role may not register cases');
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const key = input.receiptNo ? receiptKey(input.receiptNo, ctx.settings().receiptSerialStart) : '';
    const cs = unitScope(ctx, actor);
    // A role that may not read an anonymous case does not learn that one matches (SPEC §2.4).
    const anon = can(actor.role, 'read_anonymous') ? '' : ' AND c.anonymous = 0';
    const cases = collect(
      caseConditions(phone, input.name, key),
      (where, args) =>
        ctx.db
          .prepare(
            `SELECT 'case' AS kind, c.id, c.number, c.status, c.received_at AS at, c.customer_name AS customerName
             FROM cases c WHERE ${where} AND ${cs.sql}${anon} ORDER BY c.received_at DESC LIMIT ${MAX_INTAKE_MATCHES}`,
          )
          .all(...args, ...cs.args) as Row[],
    );
    const ss = slipScope(ctx, actor);
    const slips = collect(
      slipConditions(phone, input.name, key),
      (where, args) =>
        ctx.db
          .prepare(
            `SELECT 'slip' AS kind, s.id, s.number, s.status, s.handled_at AS at, s.customer_name AS customerName
             FROM slips s WHERE ${where} AND ${ss.sql} ORDER BY s.handled_at DESC LIMIT ${MAX_INTAKE_MATCHES}`,
          )
          .all(...args, ...ss.args) as Row[],
    );
    return { matches: [...cases, ...slips].sort((a, b) => b.at - a.at).slice(0, MAX_INTAKE_MATCHES) };
  },
);
