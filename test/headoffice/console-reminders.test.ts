// Reminders (催办, issue 13 §8) over real HTTP on every head-office store: sent from the console
// (refused when empty, too long, for an unknown or a closed case: nothing stored), shown in the
// case detail, carried down the instructions feed to a real branch store that applies each once,
// keeps one for a case it lacks, shows it on its home list until read; never counted as a 批示.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail, ReminderAnswer } from '../../src-headoffice/console/api-contract';
import { caseReminders, markRemindersSeen, remindersWaiting } from '../../src-main/services/case-reminders';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { type ErrorBody, PullAnswer } from '../../src-main/sync/protocol';
import { syncOnce } from '../../src-main/sync/sync-run';
import { pendingReminders, reminderCursor } from '../../src-main/sync/sync-state';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushCases, startConsole } from './console-harness';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console 催办 (%s)', (_name, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  let s: TestStore;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    s = openTestStore();
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const remind = (branch: string, id: string, body: unknown) =>
    client.call<ReminderAnswer & ErrorBody>('POST', `/console/api/cases/${branch}/${id}/reminders`, body);
  const detail = (branch: string, id: string) => client.call<CaseDetail>('GET', `/console/api/cases/${branch}/${id}`);
  const stored = () => scalar(hq.db, 'SELECT count(*) FROM reminders');

  it('sends a reminder about an open case and shows it in the case detail; refuses bad input and closed cases', async () => {
    const open = caseSnapshot('SH01', 1, { status: 'in_progress' });
    const filed = caseSnapshot('SH01', 2, { status: 'filed' });
    const declined = caseSnapshot('SH01', 3, { status: 'not_accepted' });
    expect((await pushCases(hq, keys.SH01 as string, 'SH01', [open, filed, declined])).status).toBe(200);

    const sent = await remind('SH01', String(open.id), { message: '  请今天内联系顾客并回复  ' });
    expect(sent.status).toBe(201);
    expect(sent.json.reminder).toMatchObject({
      message: '请今天内联系顾客并回复',
      reviewerName: '李审核',
      receivedAt: null,
    });

    const empty = await remind('SH01', String(open.id), { message: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.issues?.[0]?.field).toBe('message');
    expect(empty.json.message.zh).toContain('催办内容');
    expect(empty.json.message.en).toContain('Reminder message');
    const missing = await remind('SH01', String(open.id), undefined);
    expect(missing.status).toBe(400);
    expect(missing.json.message.zh).toContain('催办内容');
    const long = await remind('SH01', String(open.id), { message: '催'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.json.message.zh).toContain('催办内容');
    expect(long.json.message.en).toContain('Reminder message');
    expect((await remind('SH01', String(open.id), { message: '催'.repeat(500) })).status).toBe(201);
    const extra = await remind('SH01', String(open.id), { message: 'ok', urgent: true });
    expect(extra.status).toBe(400);

    const unknown = await remind('SH01', 'no-such-case', { message: '请回复' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message.zh).toContain('总部尚未收到个案');
    // Another branch's case under this branch's code is unknown too.
    expect((await remind('SH02', String(open.id), { message: '请回复' })).status).toBe(404);
    for (const c of [filed, declined]) {
      const closed = await remind('SH01', String(c.id), { message: '请回复' });
      expect(closed.status).toBe(409);
      expect(closed.json.message.zh).toContain('已结案');
      expect(closed.json.message.en).toContain('is closed');
    }
    expect(await stored()).toBe(2);

    const d = await detail('SH01', String(open.id));
    expect(d.status).toBe(200);
    expect(d.json.reminders?.map((r) => r.message)).toEqual(['请今天内联系顾客并回复', '催'.repeat(500)]);
    expect(d.json.instructions).toEqual([]);
    expect((await detail('SH01', String(filed.id))).json.reminders).toEqual([]);
    // Not a 批示: no instruction stored, the case's queue figures untouched.
    expect(await scalar(hq.db, 'SELECT count(*) FROM instructions')).toBe(0);
  });

  it('goes down the instructions feed to a real branch store: applied once, kept for a missing case, seen on the case', async () => {
    const t = new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string });
    const c = phoneCase(s);
    await syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
    const elsewhere = caseSnapshot('SH01', 90, { status: 'in_progress' });
    expect((await pushCases(hq, keys.SH01 as string, 'SH01', [elsewhere])).status).toBe(200);
    expect((await remind('SH01', c.id, { message: '请尽快回访顾客' })).status).toBe(201);
    expect((await remind('SH01', String(elsewhere.id), { message: '此单也请跟进' })).status).toBe(201);

    // An older branch asks without a reminder cursor: its answer carries none.
    const old = PullAnswer.parse(await t.pull(0));
    expect(old.reminders ?? null).toBeNull();

    const before = s.db.prepare('SELECT status, version FROM cases WHERE id = ?').get(c.id);
    // The pull alone: head office now holds an SH01 case this store lacks, so a full sync would
    // first stop as behind head office (src-main/sync/README.md) and push nothing.
    const r = await pullInstructions(s.ctx, t);
    expect(r.applied).toBe(0);
    expect(reminderCursor(s.db)).toBe(2);
    expect(pendingReminders(s.db)).toHaveLength(1);
    expect(pendingReminders(s.db)[0]).toContain(String(elsewhere.id));
    // Not a 批示: the case is unchanged, it has no instruction.
    expect(s.db.prepare('SELECT status, version FROM cases WHERE id = ?').get(c.id)).toEqual(before);
    expect(s.db.prepare('SELECT count(*) AS n FROM case_instructions').get()).toEqual({ n: 0 });

    const m = s.users.manager;
    const mine = caseReminders(s.ctx, m, { caseId: c.id });
    expect(mine).toMatchObject([{ message: '请尽快回访顾客', reviewerName: '李审核', seenAt: null }]);
    expect(remindersWaiting(s.ctx, m)).toMatchObject([{ caseId: c.id, caseNumber: c.number, unread: 1 }]);

    // Pulled again: nothing new, nothing twice.
    await pullInstructions(s.ctx, t);
    expect(caseReminders(s.ctx, m, { caseId: c.id })).toHaveLength(1);

    // Head office knows the branch has it.
    const d = await detail('SH01', c.id);
    expect(d.json.reminders?.[0]?.receivedAt).toEqual(expect.any(Number));
    expect((await detail('SH01', String(elsewhere.id))).json.reminders?.[0]?.receivedAt).toEqual(expect.any(Number));

    expect(markRemindersSeen(s.ctx, m, { caseId: c.id })).toBe(1);
    expect(remindersWaiting(s.ctx, m)).toEqual([]);
    expect(caseReminders(s.ctx, m, { caseId: c.id })[0]?.seenAt).toEqual(expect.any(Number));
    expect(() => caseReminders(s.ctx, m, { caseId: '' })).toThrow();
  });
});
