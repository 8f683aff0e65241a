// The case list's unit (a unit is (branch, unit): two branches sharing unit ids stay apart),
// late, overdue-by-which-deadline and waiting filters and order, over real HTTP, on every store.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  CaseListPage,
  CaseListRow,
  ConsoleErrorBody,
  UnitOption,
} from '../../src-headoffice/console/api-contract';
import { CaseListQuery } from '../../src-headoffice/console/api-contract';
import { listCases } from '../../src-headoffice/console/case-list';
import { openHqStore } from '../../src-headoffice/store';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, pushRecords, useConsole } from './console-harness';

const T0 = Date.parse('2026-11-01T02:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;
const unit = (id: string, name: string) => ({ id, code: id.toUpperCase(), name, active: true, version: 1 });
/** The audit entry of the first feedback: dueAt moved from the limit then in effect. */
const feedbackAudit = (caseId: string, at: number, limit: number) => ({
  id: randomUUID(),
  at,
  actorName: '张三',
  action: 'case.feedback',
  entity: 'case',
  entityId: caseId,
  before: { status: 'resolved', dueAt: limit },
  after: { status: 'fed_back', firstFedBackAt: at, dueAt: null },
  version: 1,
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console list facts (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  async function allPages(query: string, limit: number): Promise<CaseListRow[]> {
    const rows: CaseListRow[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: { status: number; json: CaseListPage } = await client.call<CaseListPage>(
        'GET',
        `/console/api/cases?limit=${limit}${query}${after ? `&after=${after}` : ''}`,
      );
      expect(r.status).toBe(200);
      rows.push(...r.json.rows);
      after = r.json.nextCursor;
      if (!after) return rows;
    }
    throw new Error('no last page');
  }

  it('units are (branch, unit): SH01 and SH02 both have u-1, the filter keeps them apart and the options name both', async () => {
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'unit', data: unit('u-1', '家电柜组') },
      { type: 'unit', data: unit('u-2', '食品柜组') },
    ]);
    await pushRecords(hq, keys.SH02 as string, 'SH02', [{ type: 'unit', data: unit('u-1', '生鲜柜组') }]);
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      caseSnapshot('SH01', 1, { complainedUnitId: 'u-1', handlingUnitId: 'u-2' }),
      caseSnapshot('SH01', 2, { complainedUnitId: 'u-1' }),
      caseSnapshot('SH01', 3, { complainedUnitId: 'u-2' }),
      caseSnapshot('SH01', 4),
    ]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [caseSnapshot('SH02', 1, { complainedUnitId: 'u-1' })]);

    const units = await client.call<UnitOption[]>('GET', '/console/api/units');
    expect(units.status).toBe(200);
    expect(units.json.map((u) => [u.key, `${u.branch} ${u.name}`])).toEqual([
      ['SH01/u-1', 'SH01 家电柜组'],
      ['SH01/u-2', 'SH01 食品柜组'],
      ['SH02/u-1', 'SH02 生鲜柜组'],
    ]);

    const sh01 = await allPages('&unit=SH01%2Fu-1', 1);
    expect(sh01.map((r) => r.number).sort()).toEqual(['SH01-YY-202611-0001', 'SH01-YY-202611-0002']);
    expect(sh01.every((r) => r.complainedUnit === 'SH01/u-1')).toBe(true);
    expect(sh01.find((r) => r.number.endsWith('0001'))?.handlingUnit).toBe('SH01/u-2');
    const sh02 = await allPages('&unit=SH02%2Fu-1', 50);
    expect(sh02.map((r) => r.number)).toEqual(['SH02-YY-202611-0001']);
    expect((await allPages('&unit=SH01%2Fu-9', 50)).length).toBe(0);
    // With the branch filter too: still one branch's unit.
    expect((await allPages('&branch=SH02&unit=SH01%2Fu-1', 50)).length).toBe(0);
  });

  it('refuses a unit key that is not "branch/unit", naming the field in zh and en; nothing is listed', async () => {
    for (const bad of ['u-1', 'SH01', '%2Fu-1', 's%24%2Fu-1']) {
      const r = await client.call<ConsoleErrorBody>('GET', `/console/api/cases?unit=${bad}`);
      expect(r.status).toBe(400);
      expect(r.json.code).toBe('VALIDATION');
      expect(r.json.issues?.[0]).toMatchObject({
        field: 'unit',
        message: { zh: expect.stringContaining('被投诉部门'), en: expect.stringContaining('Unit complained about') },
      });
      expect(r.json.message.zh).toContain('SH01/u-1');
    }
    for (const [field, q] of [
      ['overdueBy', 'overdueBy=soon'],
      ['late', 'late=yes'],
      ['order', 'order=longest'],
    ] as const) {
      const r = await client.call<ConsoleErrorBody>('GET', `/console/api/cases?${q}`);
      expect(r.status).toBe(400);
      expect(r.json.issues?.[0]?.field).toBe(field);
    }
  });

  it('late: answered after the limit in effect then (from the audit entry), or a promise answered after its time', async () => {
    const late = caseSnapshot('SH01', 1, { status: 'fed_back', firstFedBackAt: T0 + 5 * H });
    const onTime = caseSnapshot('SH01', 2, { status: 'fed_back', firstFedBackAt: T0 + H });
    const promiseLate = caseSnapshot('SH01', 3, {
      status: 'fed_back',
      promises: [
        { id: 'p1', promisedAt: T0 + 2 * H, madeBy: 'S001', madeAt: T0, answeredAt: T0 + 3 * H },
        { id: 'p2', promisedAt: T0 + 4 * H, madeBy: 'S001', madeAt: T0, answeredAt: T0 + 4 * H },
      ],
    });
    const promiseKept = caseSnapshot('SH01', 4, {
      status: 'fed_back',
      promises: [{ id: 'p3', promisedAt: T0 + 2 * H, madeBy: 'S001', madeAt: T0, keptAt: T0 + H }],
    });
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'audit', data: feedbackAudit(String(late.id), T0 + 5 * H, T0 + 2 * H) },
      { type: 'audit', data: feedbackAudit(String(onTime.id), T0 + H, T0 + 2 * H) },
      ...[late, onTime, promiseLate, promiseKept].map((data) => ({ type: 'case', data })),
    ]);
    const rows = await allPages('&late=1', 1);
    expect(rows.map((r) => [r.number.slice(-2), r.lateBy])).toEqual([
      ['03', 'promise'],
      ['01', 'handling'],
    ]);
    const all = await allPages('', 50);
    expect(all.find((r) => r.number.endsWith('02'))?.lateBy).toBeNull();
    expect(all.find((r) => r.number.endsWith('04'))?.lateBy).toBeNull();
    // A newer version of the late case keeps the limit it was answered against.
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...late, version: 2, status: 'filed' }]);
    expect((await allPages('&late=1', 50)).map((r) => r.number.slice(-2))).toEqual(['03', '01']);
    expect(await scalar(hq.db, 'SELECT count(*) FROM hq_cases WHERE answered_limit IS NOT NULL')).toBe(2);
  });

  it('overdue says which deadline passed: the handling limit or a promised reply time; closed cases are neither', async () => {
    const now = Date.now();
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      caseSnapshot('SH01', 1, { status: 'in_progress', dueAt: now - H }),
      caseSnapshot('SH01', 2, {
        status: 'fed_back',
        firstFedBackAt: now - DAY,
        dueAt: now - 2 * H,
        promises: [{ id: 'p1', promisedAt: now - 2 * H, madeBy: 'S001', madeAt: now - DAY }],
      }),
      caseSnapshot('SH01', 3, { status: 'filed', dueAt: now - H }),
      caseSnapshot('SH01', 4, { status: 'in_progress', dueAt: now + DAY }),
      caseSnapshot('SH01', 5, {
        status: 'in_progress',
        dueAt: now - 3 * H,
        promises: [{ id: 'p2', promisedAt: now - 3 * H, madeBy: 'S001', madeAt: now - DAY }],
      }),
    ]);
    const byNumber = Object.fromEntries((await allPages('', 50)).map((r) => [r.number.slice(-2), r.overdueBy]));
    expect(byNumber).toEqual({ '01': 'handling', '02': 'promise', '03': null, '04': null, '05': 'promise' });
    expect((await allPages('&overdueBy=handling', 50)).map((r) => r.number.slice(-2))).toEqual(['01']);
    expect((await allPages('&overdueBy=promise', 1)).map((r) => r.number.slice(-2))).toEqual(['05', '02']);
  });

  it('migration 0007 back-fills units, late and waiting for cases imported before it, as the importer does', async () => {
    await pushRecords(hq, keys.SH01 as string, 'SH01', [{ type: 'unit', data: unit('u-1', '家电柜组') }]);
    const late = caseSnapshot('SH01', 1, {
      status: 'awaiting_instruction',
      complainedUnitId: 'u-1',
      handlingUnitId: 'u-2',
      firstFedBackAt: T0 + 5 * H,
      submittedAt: T0 + 6 * H,
    });
    const promise = caseSnapshot('SH01', 2, {
      status: 'in_progress',
      dueAt: T0 + H,
      promises: [
        { id: 'p1', promisedAt: T0 + H, madeBy: 'S001', madeAt: T0 },
        { id: 'p2', promisedAt: T0, madeBy: 'S001', madeAt: T0, answeredAt: T0 + H },
      ],
    });
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'audit', data: feedbackAudit(String(late.id), T0 + 5 * H, T0 + 2 * H) },
      { type: 'case', data: late },
      { type: 'case', data: promise },
    ]);
    const cols =
      'complained_unit, handling_unit, answered_at, answered_limit, open_promise_at, promise_late, waiting_since';
    const facts = () => hq.db.all(`SELECT number, ${cols} FROM hq_cases ORDER BY number`);
    const imported = await facts();
    expect(imported).toHaveLength(2);
    expect(imported[0]).toMatchObject({ complained_unit: 'u-1', handling_unit: 'u-2' });
    await hq.db.run(
      'UPDATE hq_cases SET complained_unit = NULL, handling_unit = NULL, answered_at = NULL, answered_limit = NULL, open_promise_at = NULL, promise_late = 0, waiting_since = NULL',
    );
    const file = join(
      import.meta.dirname,
      `../../src-headoffice/${hq.db.kind === 'pg' ? 'migrations-pg' : 'migrations'}/0007_case_units_late.sql`,
    );
    const sql = readFileSync(file, 'utf8').replace(/^--.*$/gm, '');
    for (const stmt of sql.split(';').map((x) => x.trim())) if (stmt.startsWith('UPDATE')) await hq.db.run(stmt);
    expect(await facts()).toEqual(imported);
    const rows = await allPages('&unit=SH01%2Fu-1&late=1', 50);
    expect(rows.map((r) => [r.number.slice(-2), r.lateBy, r.waitingSince])).toEqual([['01', 'handling', T0 + 6 * H]]);
    expect((await allPages('&overdueBy=promise', 50)).map((r) => r.number.slice(-2))).toEqual(['02']);
  });

  it('days waiting and the waiting order: longest waiting first (since sent for instruction, else received), paged with no gap', async () => {
    const now = Date.now();
    const specs: [number, number, number | null][] = [
      // [n, receivedAt days ago, submittedAt days ago]
      [1, 20, 2],
      [2, 10, 9],
      [3, 5, null],
      [4, 30, 9],
      [5, 8, 1],
      [6, 12, 9],
      [7, 3, null],
    ];
    const snaps = (branch: string) =>
      specs.map(([n, rec, sub]) =>
        caseSnapshot(branch, n, {
          status: 'awaiting_instruction',
          receivedAt: now - rec * DAY,
          ...(sub === null ? {} : { submittedAt: now - sub * DAY }),
        }),
      );
    await pushCases(hq, keys.SH01 as string, 'SH01', snaps('SH01'));
    await pushCases(hq, keys.SH02 as string, 'SH02', snaps('SH02'));
    const expected = (await allPages('&status=awaiting_instruction', 200))
      .map((r) => ({
        key: `${r.branch}/${r.number.slice(-2)}`,
        since: r.waitingSince as number,
        branch: r.branch,
        id: r.id,
      }))
      .sort((a, b) => a.since - b.since || (a.branch < b.branch ? 1 : a.branch > b.branch ? -1 : a.id < b.id ? 1 : -1))
      .map((r) => r.key);
    for (const limit of [1, 3, 50]) {
      const rows = await allPages('&order=waiting', limit);
      expect(rows.map((r) => `${r.branch}/${r.number.slice(-2)}`)).toEqual(expected);
    }
    // The 待批示 queue waits longest first by default.
    const queue = await allPages('&status=awaiting_instruction', 4);
    expect(queue.map((r) => `${r.branch}/${r.number.slice(-2)}`)).toEqual(expected);
    expect(queue.slice(0, 6).map((r) => r.daysWaiting)).toEqual([9, 9, 9, 9, 9, 9]);
    const days = Object.fromEntries(
      queue.filter((r) => r.branch === 'SH01').map((r) => [r.number.slice(-2), r.daysWaiting]),
    );
    expect(days).toEqual({ '01': 2, '02': 9, '03': 5, '04': 9, '05': 1, '06': 9, '07': 3 });
    expect(expected.slice(-2)).toEqual(['SH02/05', 'SH01/05']);
  });
});

describe('a version-1 SQLite store, projected on open', () => {
  it('gets the limit each case was answered against from its audit entries', async () => {
    const dir = tempDir('hq-upgrade-late-');
    try {
      const file = join(dir, 'hq.sqlite');
      const old = new Database(file);
      old.exec(readFileSync(join(import.meta.dirname, '../../src-headoffice/migrations/0001_init.sql'), 'utf8'));
      old.pragma('user_version = 1');
      const snap = caseSnapshot('SH01', 1, { status: 'fed_back', firstFedBackAt: T0 + 5 * H, complainedUnitId: 'u-1' });
      const ins = old.prepare(
        'INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?, 5)',
      );
      ins.run('SH01', 'case', snap.id, JSON.stringify(snap), snap.number, 1);
      const audit = feedbackAudit(String(snap.id), T0 + 5 * H, T0 + 2 * H);
      ins.run('SH01', 'audit', audit.id, JSON.stringify(audit), null, 2);
      old.close();
      const store = await openHqStore(file);
      try {
        const page = await listCases(store, CaseListQuery.parse({ late: '1', unit: 'SH01/u-1' }), Date.now());
        expect(page.rows.map((r) => [r.id, r.lateBy, r.complainedUnit])).toEqual([[snap.id, 'handling', 'SH01/u-1']]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
