// Product flags and notices at head office (issue 18 §2) over real HTTP on every head-office store:
// an item with ≥ N complaints in M days across branches is flagged with its cases by branch (its
// code counts, else its normalised name); a notice goes to every or chosen branches (bad input
// refused, nothing stored), down a real branch store's pull, is acknowledged there by a manager
// (not a clerk) and the acknowledgement comes back on the next sync with who acknowledged it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  NoticesAnswer,
  NoticeRowAnswer,
  ProductFlagsAnswer,
} from '../../src-headoffice/console/contract-products';
import { acknowledgeNotice, noticesWaiting } from '../../src-main/services/head-office-notices';
import type { ErrorBody } from '../../src-main/sync/protocol';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { noticeCursor } from '../../src-main/sync/notices-pull';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, type TestStore } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, startConsole } from './console-harness';

const HOUR = 3_600_000;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('product flags and notices (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  let s: TestStore;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    s = openTestStore({ at: Date.now() });
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const flags = (q = '') => client.call<ProductFlagsAnswer & ErrorBody>('GET', `/console/api/product-flags${q}`);
  const send = (body: unknown) =>
    client.call<{ notice: NoticeRowAnswer } & ErrorBody>('POST', '/console/api/notices', body);
  const ago = (h: number) => Date.now() - h * HOUR;

  it('flags an item with 3 complaints in 30 days across branches, by code else normalised name, with its cases by branch', async () => {
    const kettle = (n: number, at: number, code = '6901-234 567') =>
      caseSnapshot(n % 2 ? 'SH01' : 'SH02', n, { receivedAt: at, purchaseItems: [{ name: '电热水壶', code }] });
    await pushCases(hq, keys.SH01 as string, 'SH01', [
      kettle(1, ago(1)),
      kettle(3, ago(50), '６９０１２３４５６７'),
      // Too old for 30 days: not counted.
      kettle(5, ago(24 * 31)),
      caseSnapshot('SH01', 7, { receivedAt: ago(2), purchaseItems: [{ name: ' 儿童  牛奶 ' }] }),
      caseSnapshot('SH01', 9, { receivedAt: ago(3), purchaseItems: [{ name: '儿童牛奶' }] }),
    ]);
    await pushCases(hq, keys.SH02 as string, 'SH02', [
      kettle(2, ago(5)),
      caseSnapshot('SH02', 4, { receivedAt: ago(4), purchaseItems: [{ name: '儿童 牛奶' }] }),
      caseSnapshot('SH02', 6, { receivedAt: ago(4), purchaseItems: [{ name: '儿童 牛奶' }] }),
    ]);
    const r = await flags();
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ minCases: 3, days: 30 });
    expect(r.json.flags.map((f) => [f.key, f.cases])).toEqual([
      ['code:6901234567', 3],
      ['name:儿童 牛奶', 3],
    ]);
    const [k, milk] = r.json.flags;
    expect(k?.name).toBe('电热水壶');
    expect(k?.branches).toEqual([
      { branch: 'SH01', cases: 2 },
      { branch: 'SH02', cases: 1 },
    ]);
    expect(k?.caseList.map((c) => c.number)).toEqual([
      'SH01-YY-202611-0001',
      'SH02-YY-202611-0002',
      'SH01-YY-202611-0003',
    ]);
    expect(milk?.branches).toEqual([
      { branch: 'SH02', cases: 2 },
      { branch: 'SH01', cases: 1 },
    ]);
    // '儿童牛奶' without the space is another name: 1 case, under the threshold.
    expect((await flags('?minCases=2')).json.flags.map((f) => f.key)).toEqual(['code:6901234567', 'name:儿童 牛奶']);
    expect((await flags('?minCases=4')).json.flags).toEqual([]);
    expect((await flags('?days=1')).json.flags.map((f) => f.key)).toEqual(['name:儿童 牛奶']);
    for (const [q, field] of [
      ['?minCases=1', 'minCases'],
      ['?days=abc', 'days'],
      ['?days=400', 'days'],
    ] as const) {
      const bad = await flags(q);
      expect(bad.status).toBe(400);
      expect(bad.json.issues?.[0]?.field).toBe(field);
    }
  });

  it('sends a notice to chosen branches; a branch holds it until its manager acknowledges it, and head office shows who did', async () => {
    const t = new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string });
    const stored = () => scalar(hq.db, 'SELECT count(*) FROM notices');
    for (const [body, field] of [
      [{ noticeTitle: '  ', noticeText: '请检查' }, 'noticeTitle'],
      [{ noticeTitle: '电热水壶', noticeText: '' }, 'noticeText'],
      [{ noticeTitle: '电热水壶', noticeText: '请检查', branches: ['XX99'] }, 'branches'],
      [{ noticeTitle: 't'.repeat(201), noticeText: '请检查' }, 'noticeTitle'],
    ] as const) {
      const bad = await send(body);
      expect(bad.status).toBe(400);
      expect(bad.json.issues?.[0]?.field).toBe(field);
      const named = {
        noticeTitle: ['通知标题', 'Notice title'],
        noticeText: ['通知内容', 'Notice text'],
        branches: ['XX99', 'XX99'],
      }[field];
      expect(bad.json.message.zh).toContain(named[0]);
      expect(bad.json.message.en).toContain(named[1]);
    }
    expect((await send({ noticeTitle: 'x', noticeText: 'y', extra: 1 })).status).toBe(400);
    expect(await stored()).toBe(0);

    const sent = await send({
      noticeTitle: '电热水壶 6901234567 暂停销售',
      noticeText: '请各店下架并主动联系购买顾客。',
      branches: ['sh01', 'BJ01'],
      itemKey: 'code:6901234567',
    });
    expect(sent.status).toBe(201);
    expect(sent.json.notice.branches.map((b) => [b.branch, b.ack])).toEqual([
      ['BJ01', null],
      ['SH01', null],
    ]);
    const all = await send({ noticeTitle: '年末盘点', noticeText: '请按时完成盘点。' });
    expect(all.json.notice.branches.map((b) => b.branch)).toEqual(['BJ01', 'SH01', 'SH02']);

    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
    expect(noticeCursor(s.db)).toBeGreaterThan(0);
    const clerk = s.users.clerk;
    const m = s.users.manager;
    expect(noticesWaiting(s.ctx, clerk).map((n) => [n.title, n.mayAcknowledge])).toEqual([
      ['年末盘点', false],
      ['电热水壶 6901234567 暂停销售', false],
    ]);
    const kettle = noticesWaiting(s.ctx, m).find((n) => n.itemKey === 'code:6901234567');
    expect(kettle?.mayAcknowledge).toBe(true);
    // Pulled again: stored once.
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
    expect(noticesWaiting(s.ctx, m)).toHaveLength(2);

    const outbox = () => s.db.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'notice_ack'").get();
    expect(() => acknowledgeNotice(s.ctx, clerk, { noticeId: kettle?.noticeId })).toThrow(/manager|店长/);
    expect(() => acknowledgeNotice(s.ctx, m, { noticeId: 'nope' })).toThrow(/No such/);
    expect(() => acknowledgeNotice(s.ctx, m, {})).toThrow();
    expect(outbox()).toEqual({ n: 0 });
    const left = acknowledgeNotice(s.ctx, m, { noticeId: kettle?.noticeId });
    expect(left.map((n) => n.title)).toEqual(['年末盘点']);
    expect(outbox()).toEqual({ n: 1 });
    expect(() => acknowledgeNotice(s.ctx, m, { noticeId: kettle?.noticeId })).toThrow(/already/);

    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
    const list = await client.call<NoticesAnswer>('GET', '/console/api/notices');
    const row = list.json.notices.find((n) => n.noticeId === kettle?.noticeId);
    expect(row?.branches.find((b) => b.branch === 'SH01')).toMatchObject({
      receivedAt: expect.any(Number),
      ack: { name: m.name, staffNo: m.staffNo, role: 'manager' },
    });
    expect(row?.branches.find((b) => b.branch === 'BJ01')).toMatchObject({ receivedAt: null, ack: null });
    const other = list.json.notices.find((n) => n.title === '年末盘点');
    expect(other?.branches.every((b) => b.ack === null)).toBe(true);
  });
});
