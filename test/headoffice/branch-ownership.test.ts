// Issue 15 §1 on both stores: head office refuses a batch carrying another branch's records
// (the SH01 store exported as SH02 with SH02's key, a foreign record inside a valid batch),
// with an alert naming both branches and nothing imported; a case number is unique across
// branches (a constraint, and a store that held one twice is upgraded with an alert); a 批示
// addresses one case by number or by branch and id, never the first match.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBranch } from '../../src-headoffice/branches';
import { branchHealth } from '../../src-headoffice/console/branch-health';
import { numberTakenOf } from '../../src-headoffice/case-number-unique';
import { foreignRecords } from '../../src-headoffice/record-owner';
import { openHqStore, type HqStore } from '../../src-headoffice/store';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, tempDir, type TestStore } from '../helpers/store';
import { ADMIN_TOKEN, type Hq, startHq, transportFor } from '../sync/sync-harness';
import { caseSnapshot } from './console-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

/** What every refusal must leave as it was. */
async function tables(db: HqStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['records', 'hq_cases', 'batches', 'cursors', 'received', 'quarantine', 'instructions'])
    out[t] = await scalar(db, `SELECT count(*) FROM ${t}`);
  return out;
}

const alertsOf = (db: HqStore, branch: string) =>
  db.all<{ kind: string; message: string; detail: string }>(
    'SELECT kind, message, detail FROM alerts WHERE branch = ? ORDER BY id',
    [branch],
  );

const recs = (list: { type: string; data: Record<string, unknown> }[], from = 1): BatchRecord[] =>
  list.map(({ type, data }, i) => ({
    seq: from + i,
    type,
    id: String(data.id),
    version: Number(data.version ?? 1),
    schema: 1,
    data: JSON.stringify(data),
  }));

async function push(hq: Hq, key: string, branch: string, records: BatchRecord[], epoch = 'E1') {
  const body = encodeBatch(branch, epoch, records).body;
  const h = signRequest(key, { method: 'POST', path: '/v1/batches', branch, body, now: Date.now() });
  const res = await fetch(`${hq.url}/v1/batches`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function instruct(hq: Hq, body: Record<string, unknown>) {
  const res = await fetch(`${hq.url}/v1/instructions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: '同意处理意见', reviewerName: '李审核', ...body }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('which branch a record belongs to', () => {
  it('reads a case’s or slip’s branchCode (else its number) and carries it to its children, customer and units', () => {
    const theirs = {
      id: 'c1',
      branchCode: 'SH01',
      number: 'SH01-YY-202611-0001',
      customerId: 'k1',
      handlingUnitId: 'u1',
    };
    const found = foreignRecords('SH02', [
      { seq: 1, type: 'customer', id: 'k1', value: { id: 'k1' }, parentId: null },
      { seq: 2, type: 'case', id: 'c1', value: theirs, parentId: null },
      { seq: 3, type: 'follow_up', id: 'f1', value: { id: 'f1', caseId: 'c1' }, parentId: 'c1' },
      { seq: 4, type: 'audit', id: 'a1', value: { id: 'a1', entityId: 'f1' }, parentId: 'f1' },
      { seq: 5, type: 'unit', id: 'u1', value: { id: 'u1' }, parentId: null },
      { seq: 6, type: 'slip', id: 's1', value: { id: 's1', number: 'SH01-TH-202611-0001' }, parentId: null },
      { seq: 7, type: 'case', id: 'c2', value: { id: 'c2', branchCode: 'SH02', customerId: 'k2' }, parentId: null },
      { seq: 8, type: 'customer', id: 'k2', value: { id: 'k2' }, parentId: null },
      { seq: 9, type: 'audit', id: 'a2', value: { id: 'a2', entityId: 'c2' }, parentId: 'c2' },
      // No branch to read and nothing of the batch to inherit from: the signing branch's.
      { seq: 10, type: 'case', id: 'c3', value: { id: 'c3', number: 'C-3' }, parentId: null },
    ]);
    expect(found.map((f) => [f.seq, f.branch])).toEqual([
      [1, 'SH01'],
      [2, 'SH01'],
      [3, 'SH01'],
      [4, 'SH01'],
      [5, 'SH01'],
      [6, 'SH01'],
    ]);
  });
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('branch ownership at head office (%s)', (_n, backend) => {
  describe('the SH01 store exported as SH02 with SH02’s key', () => {
    let s: TestStore;
    beforeEach(() => {
      s = openTestStore();
    });
    afterEach(async () => {
      await backend.drop(s.dir);
      s.close();
    });

    it('is refused whole by the import and by a push, with an alert naming SH01 and SH02, head office unchanged', async () => {
      for (let i = 0; i < 300; i++) phoneCase(s);
      const { db: hqFile, env: dbEnv } = backend.cli(s.dir);
      // The keys are sealed with the master key, as a real head office keeps them.
      const masterKey = randomBytes(32);
      const hqEnv = { ...dbEnv, BRANCH_DESK_HQ_MASTER_KEY: masterKey.toString('hex') };
      const keys: Record<string, string> = {};
      for (const b of ['SH01', 'SH02']) {
        const added = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'branch', 'add', b], hqEnv);
        expect(added.code, added.err).toBe(0);
        keys[b] = added.out.trim().split('\n').at(-1) as string;
      }
      const out = join(s.dir, 'batch.json');
      const exported = await cli('src-main/cli/index.ts', [
        'export-batch',
        '--db',
        s.file,
        '--out',
        out,
        '--branch',
        'SH02',
        '--key',
        keys.SH02 as string,
      ]);
      expect(exported.code, exported.err).toBe(0);
      const hq = await startHq({ backend, dir: s.dir, masterKey });
      try {
        // The same store syncing online as SH02: refused (403, not retried), and the branch is told why in words.
        await expect(
          syncOnce({ ctx: s.ctx, branch: 'SH02', transport: transportFor(hq, 'SH02', keys.SH02 as string) }),
        ).rejects.toThrow(/SH01/);
        expect(Object.values(await tables(hq.db)).every((n) => n === 0)).toBe(true);
        // SH02's own work, which the refusal must leave as it was.
        const own = caseSnapshot('SH02', 1);
        expect((await push(hq, keys.SH02 as string, 'SH02', recs([{ type: 'case', data: own }]), 'OWN')).status).toBe(
          200,
        );
        const before = await tables(hq.db);
        const imported = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'import', out], hqEnv);
        expect(imported.code).not.toBe(0);
        expect(imported.err).toContain('门店 SH02 签名的批次里有');
        expect(imported.err).toMatch(/属于门店 SH01/);
        expect(await tables(hq.db)).toEqual(before);
        expect(await scalar(hq.db, "SELECT count(*) FROM records WHERE case_number LIKE 'SH01-%'")).toBe(0);
        for (const b of ['SH02', 'SH01']) {
          const [alert] = await alertsOf(hq.db, b);
          expect(alert?.kind).toBe('foreign_records');
          expect(alert?.message).toMatch(/SH02.*SH01/);
          expect(JSON.parse(alert?.detail ?? '{}')).toMatchObject({
            en: expect.stringMatching(/signed by branch SH02 holds \d+ record\(s\) of branch SH01/),
            signedBy: 'SH02',
            recordBranch: 'SH01',
          });
        }
        // The sync-health screen shows it for SH02: the refusal as a problem with its next step, and the alert.
        const health = (await branchHealth(hq.db)).find((h) => h.branch === 'SH02');
        expect(health?.problems?.find((p) => p.kind === 'FOREIGN_BRANCH')?.message.en).toContain('branch SH01');
        expect(health?.alerts.some((a) => a.kind === 'foreign_records' && a.message.en.includes('SH01'))).toBe(true);
        // No case of SH01 was filed under SH02, so a 批示 by its number finds nothing.
        const first = s.db.prepare('SELECT number FROM cases ORDER BY number LIMIT 1').pluck().get() as string;
        const i = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'instruct', first, '同意'], hqEnv);
        expect(i.code).not.toBe(0);
        expect(i.err).toContain('总部尚未收到个案');
      } finally {
        await hq.close();
      }
    }, 180_000);
  });

  describe('over HTTP', () => {
    let hq: Hq;
    const keys: Record<string, string> = {};
    beforeEach(async () => {
      hq = await startHq({ backend, limits: { rateMax: 100_000 } });
      for (const b of ['SH01', 'SH02']) keys[b] = await addBranch(hq.db, b, Date.now());
    });
    afterEach(() => hq.close());

    it('refuses an otherwise valid batch holding one record of another branch (403), nothing imported', async () => {
      const theirs = caseSnapshot('SH02', 3, { branchCode: 'SH01' });
      const batch = recs([
        { type: 'case', data: caseSnapshot('SH02', 1) },
        { type: 'case', data: caseSnapshot('SH02', 2) },
        { type: 'case', data: theirs },
        { type: 'follow_up', data: { id: randomUUID(), caseId: theirs.id, version: 1 } },
      ]);
      const before = await tables(hq.db);
      const r = await push(hq, keys.SH02 as string, 'SH02', batch);
      expect(r.status).toBe(403);
      expect(r.json).toMatchObject({
        code: 'FOREIGN_BRANCH',
        recordBranch: 'SH01',
        foreignRecords: 2,
        seq: 3,
        message: { zh: expect.stringContaining('门店 SH02 签名的批次里有 2 条记录属于门店 SH01') },
      });
      expect((r.json.message as { en: string }).en).toContain('nothing of the batch imported');
      expect(await tables(hq.db)).toEqual(before);
      expect((await alertsOf(hq.db, 'SH02')).map((a) => a.kind)).toEqual(['foreign_records']);
      // The batch without the foreign records imports.
      const fixed = await push(hq, keys.SH02 as string, 'SH02', batch.slice(0, 2));
      expect(fixed).toMatchObject({ status: 200, json: { imported: 2 } });
    });

    it('holds a case number once across branches: another case taking it is refused (409), the same case’s new version is not', async () => {
      const a = caseSnapshot('SH01', 1);
      expect((await push(hq, keys.SH01 as string, 'SH01', recs([{ type: 'case', data: a }]))).status).toBe(200);
      const before = await tables(hq.db);
      // SH02's own case (branchCode SH02) carrying SH01's number.
      const clash = caseSnapshot('SH02', 1, { number: a.number });
      const r = await push(hq, keys.SH02 as string, 'SH02', recs([{ type: 'case', data: clash }]));
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ code: 'NUMBER_TAKEN', caseNumber: a.number, heldBy: 'SH01' });
      expect((r.json.message as { zh: string }).zh).toContain(`个案编号 ${String(a.number)} 在总部已属于门店 SH01`);
      expect(await tables(hq.db)).toEqual(before);
      expect((await alertsOf(hq.db, 'SH02')).map((x) => x.kind)).toEqual(['number_taken']);
      expect((await alertsOf(hq.db, 'SH01')).map((x) => x.kind)).toEqual(['number_taken']);
      // Two cases of one batch with one number.
      const twin = caseSnapshot('SH01', 2);
      const dup = await push(
        hq,
        keys.SH01 as string,
        'SH01',
        recs(
          [
            { type: 'case', data: twin },
            { type: 'case', data: caseSnapshot('SH01', 2) },
          ],
          2,
        ),
      );
      expect(dup).toMatchObject({ status: 409, json: { code: 'NUMBER_TAKEN', heldBy: 'SH01' } });
      expect(await tables(hq.db)).toEqual(before);
      // The same case again, newer: imported.
      const again = await push(
        hq,
        keys.SH01 as string,
        'SH01',
        recs([{ type: 'case', data: { ...a, version: 2 } }], 2),
      );
      expect(again).toMatchObject({ status: 200, json: { imported: 1 } });
      // The constraint itself, under any writer, and how the importer names it when a race reaches it.
      let violation: unknown = null;
      try {
        await hq.db.run(
          "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH02', 'case', 'x', 1, 1, '{}', ?, 1, 0)",
          [String(a.number)],
        );
      } catch (e) {
        violation = e;
      }
      expect(violation).toBeInstanceOf(Error);
      expect(numberTakenOf(violation, 'SH02')?.why).toBe('NUMBER_TAKEN');
    });

    it('addresses a 批示 by number or by branch and id; an ambiguous or foreign address is refused', async () => {
      const a = caseSnapshot('SH01', 1);
      expect((await push(hq, keys.SH01 as string, 'SH01', recs([{ type: 'case', data: a }]))).status).toBe(200);
      const byNumber = await instruct(hq, { caseNumber: a.number });
      expect(byNumber).toMatchObject({ status: 201, json: { branch: 'SH01', caseId: a.id } });
      expect(await instruct(hq, { caseNumber: a.number, branch: 'SH01' })).toMatchObject({ status: 201 });
      const wrong = await instruct(hq, { caseNumber: a.number, branch: 'SH02' });
      expect(wrong).toMatchObject({
        status: 409,
        json: {
          code: 'CONFLICT',
          issues: [{ field: 'branch' }],
          message: { zh: expect.stringContaining('属于门店 SH01,不是门店 SH02') },
        },
      });
      expect(await instruct(hq, { caseId: a.id })).toMatchObject({ status: 201, json: { branch: 'SH01' } });
      // Before this issue the same id could be filed under two branches: by id alone it is ambiguous.
      await hq.db.run(
        "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH02', 'case', ?, 1, 1, ?, NULL, 1, 0)",
        [String(a.id), JSON.stringify({ id: a.id, number: 'SH02-YY-202611-0001' })],
      );
      const count = await scalar(hq.db, 'SELECT count(*) FROM instructions');
      const ambiguous = await instruct(hq, { caseId: a.id });
      expect(ambiguous).toMatchObject({
        status: 409,
        json: {
          code: 'CONFLICT',
          issues: [{ field: 'branch' }],
          message: { en: expect.stringContaining('SH01, SH02') },
        },
      });
      expect(await instruct(hq, { caseId: a.id, branch: 'SH02' })).toMatchObject({
        status: 201,
        // A case that lost its number to the constraint (migration 0010) keeps it in its snapshot.
        json: { branch: 'SH02', caseNumber: 'SH02-YY-202611-0001' },
      });
      // An SH01 number held for SH02 (filed before the check): refused, not sent to SH02.
      await hq.db.run(
        "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH02', 'case', 'legacy', 1, 1, '{}', 'SH01-YY-202611-0099', 2, 0)",
      );
      const legacy = await instruct(hq, { caseNumber: 'SH01-YY-202611-0099' });
      expect(legacy).toMatchObject({
        status: 409,
        json: { message: { zh: expect.stringContaining('属于门店 SH02,不是门店 SH01') } },
      });
      // Bad addresses: neither or both, unknown.
      for (const body of [{}, { caseNumber: a.number, caseId: a.id }]) {
        const bad = await instruct(hq, body);
        expect(bad).toMatchObject({ status: 400, json: { code: 'VALIDATION', issues: [{ field: 'caseNumber' }] } });
      }
      expect((await instruct(hq, { caseNumber: 'SH01-YY-202611-0777' })).status).toBe(404);
      expect(await scalar(hq.db, 'SELECT count(*) FROM instructions')).toBe(count + 1);
    });
  });

  it('the CLI instructs by id with its branch, and refuses an ambiguous id naming the branches', async () => {
    const masterKey = randomBytes(32);
    const hq = await startHq({ backend, masterKey });
    try {
      const key = await addBranch(hq.db, 'SH01', Date.now());
      const a = caseSnapshot('SH01', 1);
      expect((await push(hq, key, 'SH01', recs([{ type: 'case', data: a }]))).status).toBe(200);
      await hq.db.run(
        "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH09', 'case', ?, 1, 1, '{}', NULL, 1, 0)",
        [String(a.id)],
      );
      const { db: hqFile, env: dbEnv } = backend.cli(hq.dir);
      const env = { ...dbEnv, BRANCH_DESK_HQ_MASTER_KEY: masterKey.toString('hex') };
      const amb = await cli('src-headoffice/cli.ts', ['--db', hqFile, 'instruct', '--id', String(a.id), '同意'], env);
      expect(amb.code).not.toBe(0);
      expect(amb.err).toContain('门店 SH01、SH09');
      const ok = await cli(
        'src-headoffice/cli.ts',
        ['--db', hqFile, 'instruct', '--id', String(a.id), '--branch', 'SH01', '同意'],
        env,
      );
      expect(ok.code, ok.err).toBe(0);
      expect(ok.out).toContain(`门店 branch SH01, 个案 case ${String(a.number)}`);
    } finally {
      await hq.close();
    }
  }, 60_000);
});

describe('a head-office store that already held a case number twice (SQLite upgrade)', () => {
  it('keeps the number on its first case, alerts the other branch naming both, and then holds it once', async () => {
    const dir = tempDir('hq-numbers-');
    try {
      const file = join(dir, 'hq.sqlite');
      const old = new Database(file);
      old.exec(readFileSync(join(ROOT, 'src-headoffice/migrations/0001_init.sql'), 'utf8'));
      old.pragma('user_version = 1');
      const first = caseSnapshot('SH01', 1);
      const second = caseSnapshot('SH02', 1, { branchCode: 'SH01', number: first.number });
      const ins = old.prepare(
        'INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?, 5)',
      );
      ins.run('SH01', 'case', first.id, JSON.stringify(first), first.number, 1);
      ins.run('SH02', 'case', second.id, JSON.stringify(second), second.number, 1);
      old.close();
      const store = await openHqStore(file);
      try {
        const rows = await store.all<{ branch: string; number: string | null }>(
          "SELECT branch, case_number AS number FROM records WHERE type = 'case' ORDER BY rid",
        );
        expect(rows).toEqual([
          { branch: 'SH01', number: first.number },
          { branch: 'SH02', number: null },
        ]);
        const alerts = await alertsOf(store, 'SH02');
        expect(alerts.map((a) => a.kind)).toEqual(['number_taken']);
        expect(alerts[0]?.message).toContain(`个案编号 ${String(first.number)} 在总部同时属于门店 SH01 和门店 SH02`);
        expect(JSON.parse(alerts[0]?.detail ?? '{}')).toMatchObject({ heldBy: 'SH01', caseNumber: first.number });
        await expect(
          store.run(
            "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES ('SH03', 'case', 'z', 1, 1, '{}', ?, 1, 0)",
            [String(first.number)],
          ),
        ).rejects.toThrow();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'migration 0010 over numbers held twice (%s)',
  (_n, backend) => {
    it('keeps the first holder, alerts the later one naming both branches, and builds the unique index', async () => {
      const hq = await startHq({ backend });
      try {
        const first = caseSnapshot('SH01', 1);
        const later = caseSnapshot('SH02', 1, { number: first.number });
        // The store as it was before 0010: without its indexes, one number held by two cases.
        await hq.db.run('DROP INDEX records_case_number_unique');
        await hq.db.run('DROP INDEX records_case_id');
        const ins =
          "INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES (?, 'case', ?, 1, 1, ?, ?, 1, 5)";
        await hq.db.run(ins, ['SH01', String(first.id), JSON.stringify(first), String(first.number)]);
        await hq.db.run(ins, ['SH02', String(later.id), JSON.stringify(later), String(later.number)]);
        const dir = backend.name === 'pg' ? 'migrations-pg' : 'migrations';
        const sql = readFileSync(join(ROOT, 'src-headoffice', dir, '0010_case_number_unique.sql'), 'utf8');
        const statements = sql
          .replace(/^--.*$/gm, '')
          .split(/;\s*\n/)
          .map((st) => st.trim())
          .filter((st) => st.length > 0);
        await hq.db.tx(async (t) => {
          for (const st of statements) await t.run(st);
        });
        expect(
          await hq.db.all("SELECT branch, case_number AS number FROM records WHERE type = 'case' ORDER BY rid"),
        ).toEqual([
          { branch: 'SH01', number: first.number },
          { branch: 'SH02', number: null },
        ]);
        const [alert] = await alertsOf(hq.db, 'SH02');
        expect(alert?.kind).toBe('number_taken');
        expect(alert?.message).toContain('门店 SH01 和门店 SH02');
        expect(JSON.parse(alert?.detail ?? '{}')).toMatchObject({
          en: expect.stringContaining('branch SH01 and one of branch SH02'),
        });
        await expect(hq.db.run(ins, ['SH03', 'z', '{}', String(first.number)])).rejects.toThrow();
      } finally {
        await hq.close();
      }
    });
  },
);
