// Search by number, customer name, content (any substring, 1 character upwards) and phone
// (whole number or last four digits). Results equal a plain LIKE scan (see the property
// test), newest first, keyset-paginated on rid.
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { branchSearchQuery } from '../domain/search-tokens';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import { SearchInput } from '../shared/schemas/query';
import type { Page, QueueRow } from '../shared/types';
import type { ServiceContext } from './context';
import { ROW_COLUMNS, type RawRow, toQueueRow } from './list-rows';
import { flushSearchIndex } from './search-backlog';
import { unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

type Source = (before: number, n: number) => number[];

function sources(ctx: ServiceContext, query: string): Source[] {
  const out: Source[] = [];
  const q = branchSearchQuery(query);
  if (q) {
    out.push((before, n) =>
      (
        stmt(
          ctx.db,
          `SELECT rowid AS rid FROM ${q.table} WHERE ${q.table} MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`,
        ).all(q.match, before, n) as { rid: number }[]
      ).map((r) => r.rid),
    );
  }
  const phone = normalizePhone(query);
  if (phone) {
    out.push((before, n) =>
      (
        stmt(ctx.db, 'SELECT rid FROM cases WHERE customer_phone = ? AND rid < ? ORDER BY rid DESC LIMIT ?').all(
          phone,
          before,
          n,
        ) as { rid: number }[]
      ).map((r) => r.rid),
    );
  }
  if (/^\d{4}$/.test(query)) {
    out.push((before, n) =>
      (
        stmt(ctx.db, 'SELECT rid FROM cases WHERE phone_last4 = ? AND rid < ? ORDER BY rid DESC LIMIT ?').all(
          query,
          before,
          n,
        ) as { rid: number }[]
      ).map((r) => r.rid),
    );
  }
  return out;
}

/** Merges the sources newest first, without duplicates, from `before` down. */
function mergedRids(srcs: Source[], before: number, n: number): number[] {
  const all = new Set<number>();
  for (const s of srcs) for (const rid of s(before, n)) all.add(rid);
  return [...all].sort((a, b) => b - a).slice(0, n);
}

function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined) return Number.MAX_SAFE_INTEGER;
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw refuse('VALIDATION', '分页位置无效,请重新搜索', 'Invalid page cursor; search again', [
      { field: 'cursor', message: { zh: '分页位置无效', en: 'Invalid cursor' } },
    ]);
  }
  return n;
}

export const searchCases = withInput(
  SearchInput,
  function searchCases(ctx: ServiceContext, actor: Actor, input: Parsed<typeof SearchInput>): Page<QueueRow> {
    // The cases registered since the last flush are indexed first: a search never misses a committed case.
    flushSearchIndex(ctx.db);
    const srcs = sources(ctx, input.query);
    const scope = unitScope(ctx, actor);
    const seesAnonymous = can(actor.role, 'read_anonymous');
    const now = ctx.now();
    const rows: RawRow[] = [];
    let before = parseCursor(input.cursor);
    let more = true;
    // Without the right to read anonymous complaints they are left out of results entirely
    // (matching their content would reveal it), and unit staff see their unit's cases only
    // (unitScope), so a page may need more than one round.
    while (rows.length <= input.limit && more) {
      const want = input.limit + 1 - rows.length;
      const rids = mergedRids(srcs, before, want);
      more = rids.length === want;
      if (rids.length === 0) break;
      before = rids[rids.length - 1] as number;
      const found = ctx.db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM cases c WHERE (${scope.sql}) AND c.rid IN (${rids.map(() => '?').join(',')}) ORDER BY c.rid DESC`,
        )
        .all(...scope.args, ...rids) as RawRow[];
      rows.push(...found.filter((r) => seesAnonymous || r.anonymous !== 1));
    }
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      rows: page.map((r) => toQueueRow(r, actor, now)),
      nextCursor: rows.length > input.limit && last ? String(last.rid) : null,
    };
  },
);
