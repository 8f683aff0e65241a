// The importer's faster writes leave the store as before: a case written only in its changed
// columns (or not at all when nothing projected changed), its search document rewritten only
// when name or content changed, the received ledger and stored versions many rows to a
// statement (past a statement's chunk), and the search document built in one pass; on both
// stores a case whose projection did not change is not written at all.
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../src-headoffice/importer';
import { searchText } from '../../src-headoffice/search-text';
import type { HqStore } from '../../src-headoffice/store';
import { searchDocument, searchMatch } from '../../src-main/domain/search-tokens';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { caseSnapshot } from './console-harness';

const CASES = 250; // more than one statement's chunk (200) of received rows and stored versions

/** Four versions of each case: registered; a status move; new name and content; the same projection again. */
function versions(): Record<string, unknown>[][] {
  const first = Array.from({ length: CASES }, (_, i) => caseSnapshot('SH01', i + 1, { version: 1 }));
  const moved = first.map((s) => ({ ...s, version: 2, status: 'in_progress' }));
  const renamed = moved.map((s) => ({ ...s, version: 3, customerName: '赵六', content: '顾客要求更换新品' }));
  const again = renamed.map((s) => ({ ...s, version: 4 }));
  return [first, moved, renamed, again];
}

const records = (snaps: Record<string, unknown>[], from: number): BatchRecord[] =>
  snaps.map((s, i) => ({
    seq: from + i,
    type: 'case',
    id: String(s.id),
    version: Number(s.version),
    schema: 1,
    data: JSON.stringify(s),
  }));

const push = (store: HqStore, recs: BatchRecord[]) =>
  importBatch(store, encodeBatch('SH01', 'E', recs).body, { branch: 'SH01', source: 'http', now: 1000 });

const caseRows = (store: HqStore) =>
  store.all<Record<string, unknown>>(
    'SELECT branch, id, number, status, customer_name, content, updated_at, answered_limit, waiting_since FROM hq_cases ORDER BY id',
  );

const ftsIds = (store: HqStore, text: string) =>
  store.all<{ id: string }>(
    'SELECT c.id FROM hq_cases_fts f JOIN hq_cases c ON c.rid = f.rowid WHERE hq_cases_fts MATCH ? ORDER BY c.id',
    [searchMatch(text) as string],
  );

describe('import writes batched and limited to what changed', () => {
  it.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
    'four versions a batch each, or all in one batch, leave the same cases and search (%s)',
    async (_name, backend) => {
      const dir = tempDir('hq-write-batching-');
      const rounds = await backend.open(dir, 'rounds');
      const whole = await backend.open(dir, 'whole');
      try {
        for (const s of [rounds, whole])
          await s.run("INSERT INTO branches (code, key, created_at) VALUES ('SH01', 'k', 0)");
        const all = versions();
        let seq = 1;
        for (const round of all) {
          const a = await push(rounds, records(round, seq));
          expect(a).toMatchObject({ imported: CASES, unchanged: 0, quarantined: [] });
          seq += round.length;
        }
        const one = await push(whole, records(all.flat(), 1));
        expect(one).toMatchObject({ ackedSeq: 4 * CASES, imported: 4 * CASES, unchanged: 0, quarantined: [] });

        const expected = await caseRows(rounds);
        expect(expected).toHaveLength(CASES);
        expect(expected.every((r) => r.status === 'in_progress' && r.customer_name === '赵六')).toBe(true);
        expect(await caseRows(whole)).toEqual(expected);
        for (const s of [rounds, whole]) {
          expect(await scalar(s, 'SELECT count(*) FROM received')).toBe(4 * CASES);
          expect(await scalar(s, 'SELECT count(*) FROM records WHERE version = 4')).toBe(CASES);
        }
        // Older versions sent again after the stored ones (stored versions read past one chunk): nothing changes.
        const stale = await push(whole, records(all[1] as Record<string, unknown>[], 4 * CASES + 1));
        expect(stale).toMatchObject({ imported: 0, unchanged: CASES, quarantined: [] });
        expect(await caseRows(whole)).toEqual(expected);

        if (backend.name === 'sqlite') {
          const ids = expected.map((r) => ({ id: r.id }));
          for (const s of [rounds, whole]) {
            expect(await ftsIds(s, '更换新品')).toEqual(ids);
            expect(await ftsIds(s, '赵')).toEqual(ids);
            expect(await ftsIds(s, '态度一般')).toEqual([]);
            expect(await ftsIds(s, '王五')).toEqual([]);
          }
        }
      } finally {
        await rounds.close();
        await whole.close();
        await backend.drop(dir, 'rounds');
        await backend.drop(dir, 'whole');
      }
    },
  );

  it.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
    'a version whose projection is unchanged writes no case row; a status move keeps the search text (%s)',
    async (_name, backend) => {
      const dir = tempDir('hq-write-unchanged-');
      const s = await backend.open(dir, 'unchanged');
      try {
        await s.run("INSERT INTO branches (code, key, created_at) VALUES ('SH01', 'k', 0)");
        const [first, moved, renamed, again] = versions() as Record<string, unknown>[][];
        let seq = 1;
        for (const round of [first, moved, renamed] as Record<string, unknown>[][]) {
          await push(s, records(round, seq));
          seq += round.length;
        }
        // Every row-level write to hq_cases from here on is counted.
        if (backend.name === 'pg') {
          await s.run('CREATE TABLE case_updates (n INTEGER)');
          await s.run(
            'CREATE FUNCTION count_case_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO case_updates VALUES (1); RETURN NEW; END $$',
          );
          await s.run(
            'CREATE TRIGGER case_update AFTER UPDATE ON hq_cases FOR EACH ROW EXECUTE FUNCTION count_case_update()',
          );
        } else {
          await s.run('CREATE TABLE case_updates (n INTEGER)');
          await s.run(
            'CREATE TRIGGER case_update AFTER UPDATE ON hq_cases BEGIN INSERT INTO case_updates VALUES (1); END',
          );
        }
        const before = await caseRows(s);
        const a = await push(s, records(again as Record<string, unknown>[], seq));
        seq += CASES;
        expect(a).toMatchObject({ imported: CASES, unchanged: 0, quarantined: [] });
        expect(await scalar(s, 'SELECT count(*) FROM case_updates')).toBe(0);
        expect(await caseRows(s)).toEqual(before);
        expect(await scalar(s, 'SELECT count(*) FROM records WHERE version = 4')).toBe(CASES);

        const closed = (again as Record<string, unknown>[]).map((x) => ({ ...x, version: 5, status: 'resolved' }));
        await push(s, records(closed, seq));
        expect(await scalar(s, 'SELECT count(*) FROM case_updates')).toBe(CASES);
        expect(await scalar(s, "SELECT count(*) FROM hq_cases WHERE status = 'resolved'")).toBe(CASES);
        if (backend.name === 'pg') {
          const texts = await s.all<{ search_text: string }>('SELECT search_text FROM hq_cases');
          expect(texts.every((t) => t.search_text === searchText('赵六', '顾客要求更换新品'))).toBe(true);
        } else expect(await ftsIds(s, '更换新品')).toHaveLength(CASES);
      } finally {
        await s.close();
        await backend.drop(dir, 'unchanged');
      }
    },
  );

  it('builds the search document exactly as unigrams and bigrams of each field joined', () => {
    const reference = (fields: readonly (string | null | undefined)[]) => {
      const hex = (c: string) => (c.codePointAt(0) as number).toString(16);
      const unis: string[] = [];
      const bis: string[] = [];
      for (const f of fields) {
        if (!f) continue;
        const chars = Array.from(f.replace(/[A-Z]/g, (c) => c.toLowerCase()));
        for (const c of chars) unis.push(`u${hex(c)}`);
        for (let i = 0; i + 1 < chars.length; i++)
          bis.push(`u${hex(chars[i] as string)}x${hex(chars[i + 1] as string)}`);
        bis.push('z');
      }
      return { uni: unis.join(' '), bi: bis.join(' ') };
    };
    const pool = ['A', 'Z', 'a', '@', '[', ' ', '中', '文', '😀', '\ud800', '\udc00', 'é', '\u0000', '9', '𠀀'];
    let state = 7;
    const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
    for (let i = 0; i < 3000; i++) {
      const fields = Array.from({ length: next(4) }, () => {
        const kind = next(10);
        if (kind === 0) return null;
        if (kind === 1) return undefined;
        if (kind === 2) return '';
        return Array.from({ length: next(9) }, () => pool[next(pool.length)]).join('');
      });
      expect(searchDocument(fields), JSON.stringify(fields)).toEqual(reference(fields));
    }
  });
});
