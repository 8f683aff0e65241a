// Admission control at head office on both stores (issue 16 §1): with one import slot, a burst of
// branches pushing at once through the app's own sync run gets 503s with Retry-After and a
// bilingual message; each branch retries on its backoff (which honours Retry-After), and in the
// end every batch is acknowledged once and head office holds exactly what each branch wrote.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultImportSlots, ImportAdmission, SQLITE_IMPORT_SLOTS } from '../../src-headoffice/import-admission';
import { DEFAULT_SERVER_LIMITS } from '../../src-headoffice/limits';
import { backoffDelay } from '../../src-main/sync/backoff';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq } from '../../src-main/sync/sync-state';
import { TransportError } from '../../src-main/sync/transport';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { branchFold, foldEntries, type Hq, hqFold, startHq, transportFor } from '../sync/sync-harness';

const BRANCHES = ['SH01', 'SH02', 'SH03', 'SH04', 'SH05', 'SH06'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ImportAdmission', () => {
  it('refuses with 503, Retry-After and a bilingual message when every slot is taken, and frees the slot when the import settles', async () => {
    const a = new ImportAdmission(1, 3);
    let release = () => undefined as void;
    const held = a.run(() => new Promise<void>((r) => (release = r)));
    expect(a.busy).toBe(1);
    const refused = await a.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toMatchObject({ statusCode: 503, retryAfterS: 3, body: { code: 'BUSY' } });
    expect((refused as { body: { message: { zh: string; en: string } } }).body.message).toEqual({
      zh: '总部正在导入的批次数已达上限,请 3 秒后再试',
      en: 'Head office is importing as many batches as it accepts at once; retry in 3 s',
    });
    // The admitted import starts after the requests already received have had their turn.
    await new Promise((r) => setImmediate(r));
    release();
    await held;
    expect(a.busy).toBe(0);
    // A failed import frees its slot too.
    await expect(a.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(a.busy).toBe(0);
    await expect(a.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('defaults to one setting per store (null) and a short Retry-After', () => {
    expect(DEFAULT_SERVER_LIMITS.importSlots).toBeNull();
    expect(DEFAULT_SERVER_LIMITS.importBusyRetryAfterS).toBe(2);
  });
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('admission control at head office (%s)', (_n, backend) => {
  let hq: Hq | null = null;
  const stores: TestStore[] = [];
  afterEach(async () => {
    await hq?.close();
    hq = null;
    for (const s of stores.splice(0)) s.close();
  });

  it('takes a bounded number of imports per store, keeping PostgreSQL connections for pulls', async () => {
    hq = await startHq({ backend });
    const slots = defaultImportSlots(hq.db);
    // The test PostgreSQL pool has 4 connections: 2 for imports, 2 kept for pulls, health and the console.
    expect(slots).toBe(backend.name === 'pg' ? 2 : SQLITE_IMPORT_SLOTS);
  });

  it('a burst of concurrent pushes gets 503s, everything is acknowledged in the end, and the counts are equal', async () => {
    hq = await startHq({ backend, limits: { importSlots: 1, importBusyRetryAfterS: 1 } });
    const h = hq;
    const keys: Record<string, string> = {};
    for (const code of BRANCHES) {
      keys[code] = await h.addBranch(code);
      const s = openTestStore({ settings: { branchCode: code } });
      for (let i = 0; i < 12; i++) phoneCase(s);
      stores.push(s);
    }
    const busy: TransportError[] = [];
    const sent = await Promise.all(
      stores.map(async (s, i) => {
        const code = BRANCHES[i] as string;
        const transport = transportFor(h, code, keys[code] as string);
        for (let attempt = 0; ; attempt++) {
          try {
            // Small batches, so each branch needs several pushes and they overlap.
            const r = await syncOnce({
              ctx: s.ctx,
              branch: code,
              transport,
              caps: { maxRecords: 20, maxBytes: 1 << 20 },
            });
            return r.sentRecords;
          } catch (e) {
            if (!(e instanceof TransportError) || !e.retryable || attempt > 40) throw e;
            busy.push(e);
            await sleep(backoffDelay(attempt, Math.random, { baseMs: 100, capMs: 1_500 }, e.retryAfterMs));
          }
        }
      }),
    );
    expect(busy.length).toBeGreaterThan(0);
    for (const e of busy) {
      expect(e.status).toBe(503);
      expect(e.retryAfterMs).toBe(1000);
      expect(e.messages.zh).toContain('总部正在导入的批次数已达上限');
      expect(e.messages.en).toContain('importing as many batches as it accepts at once');
    }
    for (const [i, s] of stores.entries()) {
      const code = BRANCHES[i] as string;
      expect(sent[i]).toBeGreaterThan(0);
      // Acknowledged up to the last outbox row, and nothing left to send.
      expect(ackedSeq(s.db)).toBe(s.db.prepare('SELECT max(seq) FROM outbox').pluck().get());
      expect(foldEntries(await hqFold(h.db, code))).toEqual(foldEntries(branchFold(s.db)));
      expect(await scalar(h.db, 'SELECT count(*) FROM hq_cases WHERE branch = ?', [code])).toBe(12);
    }
    // Each record once, no batch quarantined.
    expect(await scalar(h.db, 'SELECT count(*) FROM quarantine')).toBe(0);
    const total = stores.reduce((n, s) => n + branchFold(s.db).size, 0);
    expect(await scalar(h.db, 'SELECT count(*) FROM records')).toBe(total);
  });
});
