// A lost or restored branch PC rebuilds itself from head office (issue 15 §2): restored after
// its first sync, restored from before it, a brand-new store with an existing branch's code
// and key, and a recovery killed after its first page and resumed — on both head-office stores.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { loadSlip } from '../../src-main/db/repositories/slip-repo';
import { dispatch } from '../../src-main/handlers';
import { addNote } from '../../src-main/services/case-details';
import { searchIndexedRid } from '../../src-main/services/search-backlog';
import { searchCases } from '../../src-main/services/search';
import { createSlip } from '../../src-main/services/slips';
import { createContext } from '../../src-main/services/context';
import { exportBatches } from '../../src-main/sync/export-batch';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { recoverFromHeadOffice } from '../../src-main/sync/recovery';
import { recoveryOf } from '../../src-main/sync/recovery-state';
import { SyncScheduler } from '../../src-main/sync/scheduler';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq, lastSuccessAt, pendingInstructions, waitingCount } from '../../src-main/sync/sync-state';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { ADMIN_TOKEN, type Hq, hqFold, startHq } from './sync-harness';

const caseCount = (s: TestStore) => s.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('recovery from head office on %s', (_name, backend) => {
  let hq: Hq;
  let s: TestStore;
  let key: string;
  let t: HttpTransport;
  beforeEach(async () => {
    hq = await startHq({ backend });
    key = await hq.addBranch('SH01');
    s = openTestStore();
    t = new HttpTransport({ url: hq.url, branch: 'SH01', key });
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const sync = (store: TestStore = s) => syncOnce({ ctx: store.ctx, branch: 'SH01', transport: t });
  const recover = (store: TestStore = s, more: Partial<Parameters<typeof recoverFromHeadOffice>[0]> = {}) =>
    recoverFromHeadOffice({ ctx: store.ctx, branch: 'SH01', transport: t, pageSize: 25, ...more });

  const instruct = async (caseNumber: string) => {
    const res = await fetch(`${hq.url}/v1/instructions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseNumber, text: '同意处理意见,可以建档', reviewerName: '部本部 李审核' }),
    });
    expect(res.status).toBe(201);
  };

  /** The store file replaced by a copy, as a restore from backup does. */
  function restore(backup: string): void {
    s.db.close();
    for (const ext of ['', '-wal', '-shm']) rmSync(s.file + ext, { force: true });
    copyFileSync(backup, s.file);
    s.db = openDatabase(s.file).db;
    s.ctx = createContext(s.db, { now: () => s.clock.t, settings: () => s.settings });
  }

  const backupNow = (name: string) => {
    const file = join(s.dir, name);
    s.db.exec(`VACUUM INTO '${file}'`);
    return file;
  };

  const hqNumbersUnique = async () =>
    expect(await scalar(hq.db, "SELECT count(DISTINCT number) FROM hq_cases WHERE branch = 'SH01'")).toBe(
      await scalar(hq.db, "SELECT count(*) FROM hq_cases WHERE branch = 'SH01'"),
    );

  it('restored after its first sync: detects, stops, recovers the 30 lost cases, the kept instruction arrives, numbering continues', async () => {
    const first = phoneCase(s);
    await sync();
    const backup = backupNow('after-first-sync.sqlite');
    const lost = Array.from({ length: 30 }, () => phoneCase(s));
    addNote(s.ctx, s.users.secretary, { caseId: first.id, text: '丢失前的处理意见' });
    await sync();
    await instruct(lost[4]!.number);
    const held = await hqFold(hq.db, 'SH01');
    restore(backup);

    // The sync line says it in words; nothing is pushed, and "sync now" does not push either.
    const sched = new SyncScheduler({
      run: () => syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t }),
      waiting: () => waitingCount(s.db),
      lastSuccessAt: () => lastSuccessAt(s.db),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
    await sched.trigger('now');
    expect(sched.status()).toMatchObject({
      state: 'stopped',
      lastError: {
        zh: expect.stringContaining('本机数据落后于总部'),
        en: expect.stringContaining('behind head office'),
      },
    });
    expect(recoveryOf(s.db)).toMatchObject({ state: 'behind', reason: 'numbers' });
    const afterRestore = phoneCase(s); // work done before anyone reacts stays local, unsent
    await sched.trigger('now');
    expect(sched.status().state).toBe('stopped');
    expect(await hqFold(hq.db, 'SH01')).toEqual(held);

    const r = await recover();
    expect(r.pages).toBeGreaterThan(1);
    // Head office's newer version of the first case came back with the note made before the loss.
    expect(loadCase(s.db, first.id)?.events.map((e) => e.text)).toContain('丢失前的处理意见');
    expect(recoveryOf(s.db)).toBeNull();
    for (const c of lost) expect(loadCase(s.db, c.id)).toMatchObject({ number: c.number, content: c.content });
    // The case made after the restore repeated head office's SH01-YY-202611-0002: it takes the next free number.
    expect(afterRestore.number).toBe('SH01-YY-202611-0002');
    expect(loadCase(s.db, afterRestore.id)?.number).toBe('SH01-YY-202611-0032');
    expect(loadCase(s.db, lost[0]!.id)?.number).toBe('SH01-YY-202611-0002');
    // Searchable as recovered (each page's cases indexed with it, nothing left waiting) and as renumbered.
    expect(searchIndexedRid(s.db)).toBe(s.db.prepare('SELECT max(rid) FROM cases').pluck().get());
    const found = (query: string) => searchCases(s.ctx, s.users.secretary, { query }).rows.map((x) => x.id);
    expect(found(lost[7]!.number)).toEqual([lost[7]!.id]);
    expect(found('SH01-YY-202611-0032')).toEqual([afterRestore.id]);

    const back = await sync();
    expect(back.instructionsApplied).toBe(1);
    expect(pendingInstructions(s.db)).toEqual([]);
    expect(loadCase(s.db, lost[4]!.id)?.instructions.map((i) => i.text)).toEqual(['同意处理意见,可以建档']);
    const next = phoneCase(s);
    expect(next.number).toBe('SH01-YY-202611-0033');
    await sync();
    expect(waitingCount(s.db)).toBe(0);
    expect(ackedSeq(s.db)).toBe(s.db.prepare('SELECT max(seq) FROM outbox').pluck().get());
    expect(await scalar(hq.db, "SELECT count(*) FROM hq_cases WHERE branch = 'SH01'")).toBe(33);
    await hqNumbersUnique();
  });

  it('restored from before its first sync: a new sequence is held back until recovered; numbers do not repeat', async () => {
    phoneCase(s);
    const backup = backupNow('before-first-sync.sqlite');
    for (let i = 0; i < 5; i++) phoneCase(s);
    await sync();
    restore(backup);
    await expect(sync()).rejects.toThrow(/behind head office/);
    expect(await scalar(hq.db, "SELECT count(*) FROM cursors WHERE branch = 'SH01'")).toBe(1);
    await recover();
    expect(caseCount(s)).toBe(6);
    await sync();
    expect(phoneCase(s).number).toBe('SH01-YY-202611-0007');
    await sync();
    expect(waitingCount(s.db)).toBe(0);
    expect(await scalar(hq.db, "SELECT count(*) FROM hq_cases WHERE branch = 'SH01'")).toBe(7);
    await hqNumbersUnique();
  });

  it('a newer version on this PC is never overwritten by head office, and reaches it after the recovery', async () => {
    const c = phoneCase(s);
    await sync();
    const backup = backupNow('after-sync.sqlite');
    phoneCase(s);
    await sync();
    restore(backup);
    addNote(s.ctx, s.users.secretary, { caseId: c.id, text: '恢复前在本机写的意见' });
    const local = loadCase(s.db, c.id);
    await expect(sync()).rejects.toThrow(/behind head office/);
    const r = await recover();
    expect(r.merged).toBeGreaterThan(0);
    expect(loadCase(s.db, c.id)).toEqual(local);
    await sync();
    expect(
      await scalar(hq.db, "SELECT version FROM records WHERE branch = 'SH01' AND type = 'case' AND id = ?", [c.id]),
    ).toBe(local?.version);
  });

  it("a brand-new store given an existing branch's code and key restores the branch and works on its cases", async () => {
    const cases = Array.from({ length: 12 }, () => phoneCase(s));
    addNote(s.ctx, s.users.secretary, { caseId: cases[0]!.id, text: '已联系顾客' });
    const slip = createSlip(s.ctx, s.users.supervisor, returnInput(s, { caseId: cases[1]!.id }));
    await sync();
    const fresh = openTestStore();
    try {
      await expect(sync(fresh)).rejects.toMatchObject({
        messages: { zh: expect.stringContaining('本机数据落后于总部') },
      });
      expect(recoveryOf(fresh.db)?.state).toBe('behind');
      // Nothing leaves by file either while behind.
      expect(() => exportBatches(fresh.db, { branch: 'SH01', key, now: fresh.clock.t })).toThrow(/behind head office/);
      const r = await recover(fresh);
      expect(r.records).toBe(await scalar(hq.db, "SELECT count(*) FROM records WHERE branch = 'SH01'"));
      const c0 = loadCase(fresh.db, cases[0]!.id);
      expect(c0?.events.map((e) => e.text)).toContain('已联系顾客');
      expect(c0?.version).toBe(loadCase(s.db, cases[0]!.id)?.version);
      // The lost PC's staff are named as they were, and can never sign in here.
      expect(loadSlip(fresh.db, slip.id)?.handledByName).toBe('赵主管');
      expect(fresh.db.prepare('SELECT active, pin_hash FROM users WHERE id = ?').get(s.users.supervisor.id)).toEqual({
        active: 0,
        pin_hash: '',
      });
      // Every form prints from what came back.
      const as = { user: fresh.users.manager };
      for (const [kind, id] of [
        ['case_record', cases[1]!.id],
        ['slip', slip.id],
      ] as const)
        expect(await dispatch(fresh.ctx, as, 'print.render', { kind, id })).toMatchObject({
          ok: true,
          value: { pdfBase64: expect.stringMatching(/^JVBER/) },
        });
      expect(createSlip(fresh.ctx, fresh.users.supervisor, returnInput(fresh, { receiptNo: 'R-2002' })).number).toBe(
        slip.number.replace(/0001$/, '0002'),
      );
      addNote(fresh.ctx, fresh.users.secretary, { caseId: cases[3]!.id, text: '新电脑上继续处理' });
      expect(phoneCase(fresh).number).toBe('SH01-YY-202611-0013');
      await sync(fresh);
      expect(waitingCount(fresh.db)).toBe(0);
      await hqNumbersUnique();
    } finally {
      fresh.close();
    }
  });

  it('a recovery killed after its first page resumes from its cursor and asks no page twice', async () => {
    for (let i = 0; i < 20; i++) phoneCase(s);
    await sync();
    const fresh = openTestStore();
    try {
      await expect(sync(fresh)).rejects.toThrow();
      const asked: number[] = [];
      const page = t.recoveryPage.bind(t);
      t.recoveryPage = (after, limit) => {
        asked.push(after);
        return page(after, limit);
      };
      await expect(
        recover(fresh, {
          afterPage: () => {
            throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      const cursor = recoveryOf(fresh.db)?.cursor ?? 0;
      expect(recoveryOf(fresh.db)?.state).toBe('recovering');
      expect(cursor).toBeGreaterThan(0);
      await expect(sync(fresh)).rejects.toThrow(/Restoring from head office/);
      const r = await recover(fresh);
      expect(asked[1]).toBe(cursor);
      expect(new Set(asked).size).toBe(asked.length);
      expect(caseCount(fresh)).toBe(20);
      expect(r.records + 25).toBe(await scalar(hq.db, "SELECT count(*) FROM records WHERE branch = 'SH01'"));
      await sync(fresh);
      expect(waitingCount(fresh.db)).toBe(0);
    } finally {
      fresh.close();
    }
  });

  it('refuses a bad recovery page request with a message naming the field', async () => {
    const res = await t.recoveryPage(0, 1).catch((e: unknown) => e);
    expect(res).toMatchObject({ records: expect.any(Array), done: true });
    const bad = await new HttpTransport({ url: hq.url, branch: 'SH01', key })
      .recoveryPage(0, 5000)
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({
      status: 400,
      messages: { zh: expect.stringContaining('limit'), en: expect.stringContaining('limit') },
    });
  });
});
