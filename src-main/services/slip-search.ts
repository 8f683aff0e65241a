// Slip search (issue 12): by slip number (whole, or its tail such as 202611-0001), receipt number,
// customer name (whole or beginning) or phone (whole number or last four digits); newest first.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { parseNumber } from '../domain/numbering';
import { normalizePhone } from '../shared/phone';
import { SlipSearchInput } from '../shared/schemas/slip';
import type { SlipRow } from '../shared/types';
import type { ServiceContext } from './context';
import { type RawSlipRow, SLIP_ROW_COLUMNS, SLIP_ROW_FROM, toSlipRow } from './slip-rows';
import { slipScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

const MAX = 50;

/** LIKE with the query's own % and _ taken literally. */
const escapeLike = (v: string): string => v.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(query: string): { sql: string; args: unknown[] }[] {
  const upper = query.toUpperCase();
  const out: { sql: string; args: unknown[] }[] = [{ sql: 's.receipt_no = ?', args: [query] }];
  if (parseNumber(upper)) out.push({ sql: 's.number = ?', args: [upper] });
  else if (/^[A-Z0-9-]{4,}$/.test(upper) && /\d{4}$/.test(upper))
    out.push({ sql: "s.number LIKE ? ESCAPE '\\'", args: [`%${escapeLike(upper)}`] });
  if (!/^[\d\s+()-]+$/.test(query))
    out.push({ sql: "s.customer_name LIKE ? ESCAPE '\\'", args: [`${escapeLike(query)}%`] });
  const phone = normalizePhone(query);
  if (phone) out.push({ sql: 's.customer_phone = ?', args: [phone] });
  if (/^\d{4}$/.test(query)) out.push({ sql: 's.customer_phone LIKE ?', args: [`%${query}`] });
  return out;
}

export const searchSlips = withInput(
  SlipSearchInput,
  function searchSlips(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SlipSearchInput>): SlipRow[] {
    const parts = conditions(input.query);
    const sql = parts.map((p) => `SELECT rid FROM slips s WHERE ${p.sql}`).join(' UNION ');
    const scope = slipScope(ctx, actor);
    const rows = stmt(
      ctx.db,
      `SELECT ${SLIP_ROW_COLUMNS} FROM ${SLIP_ROW_FROM} WHERE s.rid IN (${sql}) AND ${scope.sql}
       ORDER BY s.handled_at DESC, s.rid DESC LIMIT ${MAX}`,
    ).all(...parts.flatMap((p) => p.args), ...scope.args) as RawSlipRow[];
    return rows.map(toSlipRow);
  },
);
