// The branch's append-only tables refuse every statement that would rewrite an existing row —
// UPDATE, DELETE, REPLACE, INSERT OR REPLACE and UPSERT — with recursive_triggers off and on, on a
// real store file; a plain INSERT of a new row still works.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

type Row = Record<string, unknown>;

/** Each append-only table: its unique keys besides the rowid, and a text column to alter. */
const TABLES = [
  { table: 'audit_log', keys: ['seq', 'id'], column: 'action', refusal: /append-only/ },
  { table: 'outbox', keys: ['seq'], column: 'payload', refusal: /append-only/ },
  { table: 'case_events', keys: ['id'], column: 'actor_name', refusal: /append-only/ },
  { table: 'case_instructions', keys: ['id'], column: 'text', refusal: /never (altered|deleted)/ },
] as const;

describe('append-only tables refuse any rewrite of an existing row', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore();
    const c = phoneCase(s);
    s.db
      .prepare(
        `INSERT INTO case_instructions (id, case_id, text, reviewer_name, instructed_at, applied_at)
         VALUES ('ins-1', ?, '请三日内回访顾客', '李审核', 1, 2)`,
      )
      .run(c.id);
  });
  afterEach(() => s.close());

  const rowAt = (table: string, rowid: number) =>
    s.db.prepare(`SELECT rowid AS "_rowid", * FROM ${table} WHERE rowid = ?`).get(rowid) as Row | undefined;
  const count = (table: string) => (s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  /** An INSERT of `row` (its columns as given) with `verb` and an optional tail. */
  const insert = (verb: string, table: string, row: Row, tail = '') => {
    const cols = Object.keys(row);
    return () =>
      s.db
        .prepare(`${verb} INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${tail}`)
        .run(...cols.map((c) => row[c]));
  };

  for (const { table, keys, column, refusal } of TABLES) {
    for (const recursive of [false, true]) {
      it(`${table}, recursive_triggers ${recursive ? 'on' : 'off'}`, () => {
        s.db.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
        const first = s.db.prepare(`SELECT rowid AS r FROM ${table} ORDER BY rowid LIMIT 1`).get() as
          { r: number } | undefined;
        expect(first, `${table} has a row to rewrite`).toBeDefined();
        const rowid = (first as { r: number }).r;
        const before = rowAt(table, rowid) as Row;
        const n = count(table);
        const { _rowid: _, ...stored } = before;
        const altered: Row = { ...stored, [column]: `${String(stored[column])} (rewritten)` };
        const withRowid: Row = { rowid, ...altered };
        const attempts: [string, () => unknown][] = [
          ['UPDATE', () => s.db.prepare(`UPDATE ${table} SET ${column} = 'x' WHERE rowid = ?`).run(rowid)],
          ['DELETE', () => s.db.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowid)],
          ['REPLACE', insert('REPLACE', table, altered)],
          ['INSERT OR REPLACE', insert('INSERT OR REPLACE', table, altered)],
          ['REPLACE by rowid', insert('REPLACE', table, withRowid)],
          ...keys.map((k): [string, () => unknown] => [
            `UPSERT on ${k}`,
            insert('INSERT', table, altered, `ON CONFLICT(${k}) DO UPDATE SET ${column} = excluded.${column}`),
          ]),
          ...keys.map((k): [string, () => unknown] => {
            // The same value of one key only: the others are new, so only that key conflicts.
            const onlyKey: Row = { ...altered };
            for (const other of keys) if (other !== k) delete onlyKey[other];
            if (k !== 'id' && 'id' in onlyKey) onlyKey['id'] = `${String(onlyKey['id'])}-new`;
            return [`INSERT OR REPLACE on ${k} only`, insert('INSERT OR REPLACE', table, onlyKey)];
          }),
        ];
        for (const [what, attempt] of attempts) {
          expect(attempt, `${what} on ${table}`).toThrow(refusal);
          expect(rowAt(table, rowid), `${what} left the row as it was`).toEqual(before);
          expect(count(table), `${what} left the table's size`).toBe(n);
        }
        // A new row is still added.
        const fresh: Row = { ...stored };
        if (keys.includes('seq' as never)) delete fresh['seq'];
        if ('id' in fresh) fresh['id'] = `${String(fresh['id'])}-another`;
        insert('INSERT', table, fresh)();
        expect(count(table)).toBe(n + 1);
        expect(rowAt(table, rowid)).toEqual(before);
      });
    }
  }
});
