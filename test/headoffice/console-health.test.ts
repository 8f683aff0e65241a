// Sync health with next steps (issue 13 §7) over real HTTP on every head-office store: each
// problem kind with its next step, the newest record's own time and the stale-data rule, and
// acknowledgements (who and when, raised again by a newer problem, refusals that change nothing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BranchHealth,
  type BranchHealthAnswer,
  type HealthAckAnswer,
  HEALTH_STATE_KINDS,
  STALE_DATA_DAYS,
} from '../../src-headoffice/console/api-contract';
import { NEXT_STEPS } from '../../src-headoffice/console/health-next-steps';
import { encodeBatch } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, useConsole } from './console-harness';

const DAY = 86_400_000;
const REFUSALS_KEPT = [
  'REWOUND',
  'BAD_SIGNATURE',
  'UNKNOWN_BRANCH',
  'CLOCK_SKEW',
  'NONCE_REUSED',
  'FOREIGN_BRANCH',
  'DAMAGED',
  'SCHEMA_TOO_NEW',
  'PROTOCOL',
  'TOO_LARGE',
];

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console sync health (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  useConsole(backend, (c) => ({ hq, client, keys } = c));

  async function health(branch: string): Promise<BranchHealth> {
    const r = await client.call<BranchHealthAnswer>('GET', '/console/api/branches/health');
    expect(r.status).toBe(200);
    const b = r.json.branches.find((x) => x.branch === branch);
    if (!b) throw new Error(`no ${branch}`);
    return b;
  }
  const kinds = (b: BranchHealth) => (b.problems ?? []).map((p) => p.kind).sort();
  const problem = (b: BranchHealth, kind: string) => (b.problems ?? []).find((p) => p.kind === kind);

  /** A signed batch of raw records (own sequence numbers: a second one with seq 1 rewinds). */
  async function pushRaw(branch: string, key: string, seq: number, data: Record<string, unknown>, schema = 1) {
    const body = encodeBatch(branch, 'E1', [
      { seq, type: 'case', id: String(data.id), version: 1, schema, data: JSON.stringify(data) },
    ]).body;
    const h = signRequest(key, { method: 'POST', path: '/v1/batches', branch, body, now: Date.now() });
    return fetch(`${hq.url}/v1/batches`, {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
  }

  it('has a next step in both languages for every refusal head office keeps and every state', () => {
    for (const k of [...REFUSALS_KEPT, ...HEALTH_STATE_KINDS]) {
      expect(NEXT_STEPS[k]?.zh.length, k).toBeGreaterThan(20);
      expect(NEXT_STEPS[k]?.en.length, k).toBeGreaterThan(20);
    }
    // Only commands that exist are named.
    const text = Object.values(NEXT_STEPS)
      .map((s) => `${s.zh} ${s.en}`)
      .join(' ');
    const commands = new Set(text.match(/npm run (cli|headoffice) -- [a-z-]+/g));
    expect([...commands].sort()).toEqual([
      'npm run cli -- export-batch',
      'npm run cli -- recover',
      'npm run headoffice -- branch',
      'npm run headoffice -- import',
    ]);
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const c of [
      'npm run cli -- recover --db',
      'npm run cli -- export-batch --db',
      'A lost, restored or new PC',
      'npm run headoffice -- --db FILE branch add',
      'npm run headoffice -- --db FILE import',
    ])
      expect(readme, c).toContain(c);
  });

  it('shows the newest record’s own time and calls data older than the stale rule stale, however fresh the import', async () => {
    const now = Date.now();
    const old = now - 10 * DAY;
    expect(
      (await pushCases(hq, keys.SH01 as string, 'SH01', [caseSnapshot('SH01', 1, { updatedAt: old })])).status,
    ).toBe(200);
    let sh01 = await health('SH01');
    expect(sh01.newestRecordAt).toBe(old);
    expect(sh01.lastBatchAt).toBeGreaterThanOrEqual(now);
    expect(kinds(sh01)).toEqual(['STALE_DATA']);
    expect(problem(sh01, 'STALE_DATA')).toMatchObject({
      at: old,
      message: { zh: expect.stringContaining('10 天前'), en: expect.stringContaining('10 days old') },
      nextStep: { zh: expect.stringContaining('export-batch'), en: expect.stringContaining('export-batch') },
      acknowledged: null,
    });
    // Just inside the rule: not stale.
    const inside = now - (STALE_DATA_DAYS * DAY - 3_600_000);
    expect(
      (await pushCases(hq, keys.SH01 as string, 'SH01', [caseSnapshot('SH01', 2, { updatedAt: inside })])).status,
    ).toBe(200);
    sh01 = await health('SH01');
    expect(sh01.newestRecordAt).toBe(inside);
    expect(kinds(sh01)).toEqual([]);
    // An older record later does not make the branch look older; a clock a week ahead is not believed.
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      caseSnapshot('SH01', 3, { updatedAt: old - DAY }),
      caseSnapshot('SH01', 4, { updatedAt: now + 7 * DAY }),
    ]);
    expect((await health('SH01')).newestRecordAt).toBe(inside);
  });

  it('names each problem with its next step: refusals, quarantine, never synced, silent, a growing backlog', async () => {
    // Never synced.
    expect(problem(await health('BJ01'), 'NEVER_SYNCED')?.nextStep.zh).toContain('设置 → 总部同步');
    // Quarantine and a growing backlog.
    const now = Date.now();
    await pushCases(hq, keys.SH01 as string, 'SH01', [caseSnapshot('SH01', 1, { updatedAt: now })], 5);
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...caseSnapshot('SH01', 2, { updatedAt: now }), id: 42 }], 9);
    let sh01 = await health('SH01');
    expect(kinds(sh01)).toEqual(['BACKLOG_GROWING', 'QUARANTINE']);
    expect(problem(sh01, 'BACKLOG_GROWING')?.message.en).toBe('9 records wait at the branch, 5 at its previous report');
    expect(problem(sh01, 'QUARANTINE')?.nextStep.en).toContain('quarantine reasons');
    // A bad signature of a known branch (wrong key).
    const wrong = await pushRaw('SH02', Buffer.alloc(32, 7).toString('base64url'), 1, caseSnapshot('SH02', 1));
    expect(wrong.status).toBe(401);
    expect(problem(await health('SH02'), 'BAD_SIGNATURE')?.nextStep.zh).toContain('同步密钥');
    // A schema too new, then REWOUND (seq 1 again with other content).
    expect((await pushRaw('BJ01', keys.BJ01 as string, 1, caseSnapshot('BJ01', 1, { updatedAt: now }), 9)).status).toBe(
      422,
    );
    let bj = await health('BJ01');
    expect(problem(bj, 'SCHEMA_TOO_NEW')?.nextStep.en).toContain('updates head office');
    expect((await pushRaw('BJ01', keys.BJ01 as string, 1, caseSnapshot('BJ01', 1, { updatedAt: now }))).status).toBe(
      200,
    );
    // A batch imported after it: the schema refusal is over.
    bj = await health('BJ01');
    expect(kinds(bj)).toEqual([]);
    expect((await pushRaw('BJ01', keys.BJ01 as string, 1, caseSnapshot('BJ01', 9, { updatedAt: now }))).status).toBe(
      409,
    );
    bj = await health('BJ01');
    expect(kinds(bj)).toEqual(['REWOUND']);
    expect(problem(bj, 'REWOUND')?.nextStep.zh).toContain('旧备份恢复');
    expect(problem(bj, 'REWOUND')?.nextStep.en).toContain('src-headoffice/README.md');
    // Silent: head office's clock a day and an hour later.
    hq.clock.offset = DAY + 3_600_000;
    await client.signIn();
    sh01 = await health('SH01');
    expect(problem(sh01, 'SILENT')?.message.zh).toBe('已 25 小时没有收到门店的批次');
  });

  it('keeps who acknowledged a problem and when, and raises it again when it happens after', async () => {
    const now = Date.now();
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...caseSnapshot('SH01', 1, { updatedAt: now }), id: 42 }]);
    const q = problem(await health('SH01'), 'QUARANTINE');
    expect(q?.acknowledged).toBeNull();
    const r = await client.call<HealthAckAnswer>('POST', '/console/api/branches/health/acks', {
      branch: 'sh01',
      kind: 'QUARANTINE',
      at: q?.at,
    });
    expect(r.status).toBe(200);
    expect(r.json.problem.acknowledged).toMatchObject({ username: 'li', name: '李审核' });
    const acked = problem(await health('SH01'), 'QUARANTINE');
    expect(acked?.acknowledged?.name).toBe('李审核');
    expect(acked?.acknowledged?.at).toBeGreaterThanOrEqual(now);
    // Acknowledging again is the same acknowledgement.
    expect(
      (
        await client.call('POST', '/console/api/branches/health/acks', {
          branch: 'SH01',
          kind: 'QUARANTINE',
          at: q?.at,
        })
      ).status,
    ).toBe(200);
    expect(await scalar(hq.db, 'SELECT count(*) AS n FROM health_acks')).toBe(1);
    // A newer quarantined record: raised again.
    await new Promise((res) => setTimeout(res, 5));
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...caseSnapshot('SH01', 2, { updatedAt: now }), id: 43 }]);
    const again = problem(await health('SH01'), 'QUARANTINE');
    expect(again?.acknowledged).toBeNull();
    expect(again?.at).toBeGreaterThan(q?.at ?? 0);
    expect(again?.message.zh).toContain('2 条记录被隔离');
  });

  it('refuses to acknowledge an unknown alert, an unknown branch, an outdated time or bad input, and changes nothing', async () => {
    await pushCases(hq, keys.SH01 as string, 'SH01', [{ ...caseSnapshot('SH01', 1), id: 42 }]);
    const q = problem(await health('SH01'), 'QUARANTINE');
    const ack = (body: unknown) =>
      client.call<{ code: string; message: { zh: string; en: string }; issues?: { field: string }[] }>(
        'POST',
        '/console/api/branches/health/acks',
        body,
      );
    const unknown = await ack({ branch: 'SH01', kind: 'REWOUND', at: q?.at });
    expect(unknown.status).toBe(404);
    expect(unknown.json.issues?.[0]?.field).toBe('kind');
    expect(unknown.json.message.zh).toContain('问题类别');
    expect(unknown.json.message.en).toContain('Problem kind');
    const noBranch = await ack({ branch: 'ZZ99', kind: 'QUARANTINE', at: q?.at });
    expect(noBranch.status).toBe(404);
    expect(noBranch.json.issues?.[0]?.field).toBe('branch');
    const outdated = await ack({ branch: 'SH01', kind: 'QUARANTINE', at: (q?.at ?? 0) - 1 });
    expect(outdated.status).toBe(409);
    expect(outdated.json.issues?.[0]?.field).toBe('at');
    const bad = await ack({ branch: 'SH01', kind: 'quarantine; drop', at: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('VALIDATION');
    expect(bad.json.issues?.map((i) => i.field).sort()).toEqual(['at', 'kind']);
    // Without the CSRF token: refused as every state change is.
    expect(
      (
        await client.call(
          'POST',
          '/console/api/branches/health/acks',
          { branch: 'SH01', kind: 'QUARANTINE', at: q?.at },
          { csrf: null },
        )
      ).status,
    ).toBe(403);
    expect(await scalar(hq.db, 'SELECT count(*) AS n FROM health_acks')).toBe(0);
    expect(problem(await health('SH01'), 'QUARANTINE')?.acknowledged).toBeNull();
  });
});
