// EXPLAIN QUERY PLAN for the statements a service call actually ran. The queue and search
// SQL is private to the services, so it is captured from a second connection whose prepare
// is wrapped; the measured connection is left untouched so the wrapping costs it nothing.
import type { Db } from '../src-main/db/connection';

export interface Captured {
  sql: string;
  args: unknown[];
}

const logs = new WeakMap<Db, Captured[]>();

/** Records every statement run on `db` (with its bound values) into the returned list. */
export function captureStatements(db: Db): Captured[] {
  const existing = logs.get(db);
  if (existing) return existing;
  const log: Captured[] = [];
  logs.set(db, log);
  const prepare = db.prepare.bind(db);
  const wrapped = (sql: string) => {
    const s = prepare(sql);
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = s[m].bind(s) as (...a: unknown[]) => unknown;
      Object.defineProperty(s, m, {
        value: (...args: unknown[]) => {
          log.push({ sql, args });
          return f(...args);
        },
      });
    }
    return s;
  };
  db.prepare = wrapped as typeof db.prepare;
  return log;
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** The plan as indented lines, like the sqlite3 shell prints it. */
export function explain(db: Db, c: Captured): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.args) as PlanRow[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d - 1)}${r.detail}`;
  });
}

/**
 * Plan lines that show a query not served by an index: a full scan of a real table (FTS5
 * virtual tables always "SCAN" through their own index), a full pass over an index by a
 * statement without LIMIT (its cost grows with the index, e.g. a count that an OR kept from
 * using the narrower indexes), or a sort into a temp B-tree. A sort right after scanning a
 * subquery only sorts that subquery's LIMITed rows, and says so.
 */
export function indexMisses(plan: readonly string[], sql: string): string[] {
  const out: string[] = [];
  const limited = /\bLIMIT\b/i.test(sql);
  plan.forEach((l, i) => {
    const t = l.trim();
    if (t.includes('VIRTUAL TABLE') || /^SCAN \(subquery/.test(t)) return;
    if (/^SCAN \w+/.test(t) && !/USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)/.test(t))
      out.push(`${t} (full table scan)`);
    if (/^SCAN \w+ USING INDEX/.test(t) && !limited) out.push(`${t} (full pass over the index: grows with it)`);
    if (/USE TEMP B-TREE FOR/.test(t)) {
      const bounded = /^SCAN \(subquery-\d+\)/.test((plan[i - 1] ?? '').trim());
      out.push(bounded ? `${t} (bounded: sorts only the LIMITed rows of the subquery above)` : t);
    }
  });
  return out;
}

/** The SQL on one line, for printing. */
export const oneLine = (sql: string): string => sql.replace(/\s+/g, ' ').trim();
