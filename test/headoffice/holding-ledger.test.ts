// What head office holds of a branch, kept by every import (holding-ledger.ts, migration 0012),
// equals the from-scratch computation over the stored records after new, updated, renumbered,
// duplicate, quarantined and refused batches, and after migration 0012's backfill, on every store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchHolding } from '../../src-headoffice/branch-holding';
import { importBatch } from '../../src-headoffice/importer';
import type { HqStore } from '../../src-headoffice/store';
import { parseNumber } from '../../src-main/domain/numbering';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import type { BranchHolding } from '../../src-main/sync/protocol';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { caseSnapshot } from './console-harness';

const ROOT = join(import.meta.dirname, '../..');

/** The computation before 0012: every record of the branch scanned on each answer. */
async function oracle(store: HqStore, branch: string): Promise<BranchHolding> {
  const numberOf = (type: string) =>
    type === 'case'
      ? 'case_number'
      : store.kind === 'pg'
        ? "(payload::jsonb ->> 'number')"
        : "json_extract(payload, '$.number')";
  const highest = async (type: 'case' | 'slip', code: string) => {
    const head = branch.length + code.length + 9;
    const rows = await store.all<{ top: string }>(
      `SELECT max(n) AS top FROM (SELECT ${numberOf(type)} AS n FROM records WHERE branch = ? AND type = ?) x
       WHERE n LIKE ? GROUP BY substr(n, 1, ${head}), length(n)`,
      [branch, type, `${branch}-${code}-%`],
    );
    const best = new Map<string, number>();
    for (const r of rows) {
      const p = parseNumber(r.top);
      if (!p || p.branchCode !== branch || p.kindCode !== code) continue;
      best.set(p.period, Math.max(best.get(p.period) ?? 0, p.serial));
    }
    return [...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, last]) => ({ kind: code, period, last }));
  };
  const epochs = await store.all<{ epoch: string; last_seq: number }>(
    'SELECT epoch, last_seq FROM cursors WHERE branch = ? ORDER BY updated_at DESC, epoch',
    [branch],
  );
  const count = await store.get<{ n: number }>('SELECT count(*) AS n FROM records WHERE branch = ?', [branch]);
  return {
    epochs: epochs.map((e) => ({ epoch: e.epoch, lastSeq: Number(e.last_seq) })),
    numbers: [...(await highest('case', 'YY')), ...(await highest('slip', 'TH'))],
    records: Number(count?.n ?? 0),
  };
}

const cs = (n: string, over: Record<string, unknown> = {}) =>
  caseSnapshot('SH01', 1, { number: `SH01-YY-${n}`, ...over });
const c1 = cs('202610-0001');
const c2 = cs('202611-0002');
const c3 = cs('202611-0009');
const c4 = cs('202611-00012'); // five digits: its own width
const c5 = cs('202611-0099', { number: 'sh01-yy-202611-0099' }); // lower case: never a number
const c6 = cs('202612-0004');
const slip = (id: string, number: unknown, version = 1) =>
  JSON.stringify({ id, caseId: c1.id, type: 'return', status: 'registered', number, version });

let seq = 0;
const rec = (type: string, id: unknown, version: number, data: string): BatchRecord => ({
  seq: ++seq,
  type,
  id: String(id),
  version,
  schema: 1,
  data,
});
const caseRec = (c: Record<string, unknown>, version = 1, over: Record<string, unknown> = {}) =>
  rec('case', c.id, version, JSON.stringify({ ...c, version, ...over }));

/** The batches of the series, and what each answers; a refused batch answers its refusal. */
async function series(store: HqStore, check: (step: string) => Promise<void>): Promise<void> {
  seq = 0;
  const push = async (step: string, records: BatchRecord[], epoch = 'E1', refusal?: string) => {
    const body = encodeBatch('SH01', epoch, records).body;
    const why = await importBatch(store, body, { branch: 'SH01', source: 'http', now: 1000 + seq }).then(
      () => undefined,
      (e: { why?: string }) => e.why ?? String(e),
    );
    expect(why).toBe(refusal);
    await check(step);
    return body;
  };
  await push('new cases and slips in several months, widths, a quarantined record', [
    caseRec(c1),
    caseRec(c2),
    caseRec(c3),
    caseRec(c4),
    caseRec(c5),
    rec('slip', 's1', 1, slip('s1', 'SH01-TH-202611-0003')),
    rec('slip', 's2', 1, slip('s2', 'SH01-TH-202612-0001')),
    rec('slip', 's3', 1, slip('s3', 5)),
    rec('slip', 's4', 1, slip('s4', 'SH01-TH-202610-00zz')), // hides its month's four-digit numbers, as before
    rec('slip', 's5', 1, slip('s5', 'SH01-TH-202610-0002')),
    rec('slip', 's6', 1, slip('s6', 'SH01-TH-202610-00007')),
    // Duplicate and escaped keys: each store reads them its own way, the ledger as its store does.
    rec('slip', 's8', 1, `{"id":"s8","number":"SH01-TH-202609-0005","number":"SH01-TH-202609-0003"}`),
    rec('slip', 's10', 1, `{"id":"s10","\\u006eumber":"SH01-TH-202608-0004"}`),
    rec('audit', 'a1', 1, JSON.stringify({ id: 'a1', entity: 'case', entityId: c1.id, action: 'case.create' })),
    rec('case', 'bad', 1, '{"id":"bad",'),
  ]);
  const second = await push('updates: same number, no number, renumbered, dropped, twice in one batch', [
    caseRec(c2, 2, { status: 'in_progress' }),
    caseRec(c3, 2, { number: undefined }),
    caseRec(c4, 2, { number: 'SH01-YY-202611-00010' }),
    rec('slip', 's1', 2, slip('s1', 'SH01-TH-202611-0008', 2)),
    rec('slip', 's1', 3, slip('s1', 'SH01-TH-202611-0001', 3)),
    rec('slip', 's2', 2, slip('s2', null, 2)),
    rec('slip', 's4', 2, slip('s4', 'SH01-TH-202610-0001', 2)),
    caseRec(c6),
  ]);
  // The same batch again: a duplicate, nothing changes.
  const body = second;
  await importBatch(store, body, { branch: 'SH01', source: 'http', now: 5000 });
  await check('a duplicate batch');
  // A case taking c1's number refuses the whole batch: the big number of its other case is not held.
  await push(
    'a refused batch',
    [
      caseRec(cs('202611-0999')),
      caseRec(cs('202610-0001', { id: 'thief' })),
      rec('slip', 's9', 1, slip('s9', 'SH01-TH-202612-0500')),
    ],
    'E1',
    'NUMBER_TAKEN',
  );
  seq = 0; // a new epoch starts at sequence 1
  await push(
    'a stale version and a new epoch',
    [caseRec(c2, 1), rec('slip', 's7', 1, slip('s7', 'SH01-TH-202612-0002'))],
    'E2',
  );
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('the holding kept by imports (%s)', (_n, backend) => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await backend.drop(d);
  });
  const open = async () => {
    const dir = tempDir('hq-holding-');
    dirs.push(dir);
    const store = await backend.open(dir);
    await store.run("INSERT INTO branches (code, key, created_at) VALUES ('SH01', 'k', 0), ('SH02', 'k2', 0)");
    return store;
  };

  it('equals the from-scratch computation after every batch of the series', async () => {
    const store = await open();
    try {
      const seen: string[] = [];
      await series(store, async (step) => {
        expect({ step, holding: await branchHolding(store, 'SH01') }).toEqual({
          step,
          holding: await oracle(store, 'SH01'),
        });
        seen.push(step);
      });
      expect(seen).toHaveLength(5);
      const final = await branchHolding(store, 'SH01');
      // Spelled out once, so the oracle and the ledger are not both wrong the same way.
      expect(final.numbers.filter((n) => n.period > '202609')).toEqual([
        { kind: 'YY', period: '202610', last: 1 },
        { kind: 'YY', period: '202611', last: 10 },
        { kind: 'YY', period: '202612', last: 4 },
        { kind: 'TH', period: '202610', last: 7 },
        { kind: 'TH', period: '202611', last: 1 },
        { kind: 'TH', period: '202612', last: 2 },
      ]);
      expect(final.records).toBe(16);
      expect(await branchHolding(store, 'SH02')).toEqual({ epochs: [], numbers: [], records: 0 });
    } finally {
      await store.close();
    }
  });

  it('is backfilled by migration 0012 from records stored before it', async () => {
    const store = await open();
    try {
      await series(store, async () => {});
      // A record written before 0012 by no import: the backfill counts it too.
      await store.run(
        "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH02', 'slip', 'old', 1, 1, ?, NULL, 1, 0)",
        [JSON.stringify({ id: 'old', number: 'SH02-TH-202609-0041' })],
      );
      await store.run('DROP TABLE holding_numbers');
      await store.run('DROP TABLE holding_counts');
      const dir = backend.name === 'pg' ? 'migrations-pg' : 'migrations';
      const sql = readFileSync(join(ROOT, 'src-headoffice', dir, '0012_branch_holding.sql'), 'utf8');
      const statements = sql
        .replace(/^--.*$/gm, '')
        .split(/;\s*\n/)
        .map((st) => st.trim())
        .filter((st) => st.length > 0);
      await store.tx(async (t) => {
        for (const st of statements) await t.run(st);
      });
      for (const b of ['SH01', 'SH02']) expect(await branchHolding(store, b)).toEqual(await oracle(store, b));
      expect((await branchHolding(store, 'SH02')).numbers).toEqual([{ kind: 'TH', period: '202609', last: 41 }]);
      expect((await branchHolding(store, 'SH01')).records).toBe(16);
    } finally {
      await store.close();
    }
  });
});
