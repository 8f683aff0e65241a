// The 批示 queue of issue 13 §2 over real HTTP on every head-office store: a second 批示 only when
// confirmed (a retry by clientId is not a second), corrections and withdrawals as new versions
// with a reason (refused without one, for an unknown 批示 or another case's), assignment to a
// reviewer ("my queue") and 已阅 per reviewer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AssignmentAnswer,
  CaseDetail,
  CaseListPage,
  InstructionAnswer,
  ReadAnswer,
  ReviewersAnswer,
} from '../../src-headoffice/console/api-contract';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import type { ErrorBody } from '../../src-main/sync/protocol';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import {
  caseSnapshot,
  ConsoleClient,
  type ConsoleClient as Client,
  PASSWORD,
  pushCases,
  startConsole,
} from './console-harness';

const uuid = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console 批示 queue (%s)', (_name, backend) => {
  let hq: Hq;
  let client: Client;
  let keys: Record<string, string>;
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
    a = caseSnapshot('SH01', 1, { status: 'awaiting_instruction' });
    b = caseSnapshot('SH01', 2, { status: 'awaiting_instruction' });
    expect((await pushCases(hq, keys.SH01 as string, 'SH01', [a, b])).status).toBe(200);
  });
  afterEach(() => hq.close());

  const instruct = (c: Record<string, unknown>, body: Record<string, unknown>) =>
    client.call<InstructionAnswer & ErrorBody>('POST', `/console/api/cases/SH01/${String(c.id)}/instructions`, body);
  const version = (c: Record<string, unknown>, target: string, body: Record<string, unknown>) =>
    client.call<InstructionAnswer & ErrorBody>(
      'POST',
      `/console/api/cases/SH01/${String(c.id)}/instructions/${target}/versions`,
      body,
    );
  const count = () => scalar(hq.db, 'SELECT count(*) FROM instructions');

  it('refuses a second 批示 on a case unless confirmed; a retry by clientId is the same 批示', async () => {
    expect((await instruct(a, { clientId: uuid(1), text: '请三日内回访' })).status).toBe(201);
    const second = await instruct(a, { clientId: uuid(2), text: '请三日内回访' });
    expect(second.status).toBe(409);
    expect(second.json.code).toBe('CONFLICT');
    expect(second.json.message.zh).toContain('此个案已有批示(1 条)');
    expect(second.json.message.en).toContain('already has an instruction');
    expect(await count()).toBe(1);
    // The retry of the first (its answer was lost) is not a second 批示.
    const retry = await instruct(a, { clientId: uuid(1), text: '请三日内回访' });
    expect(retry.status).toBe(200);
    expect(retry.json.created).toBe(false);
    // Another case is not warned about.
    expect((await instruct(b, { clientId: uuid(3), text: '同意' })).status).toBe(201);
    // Confirmed: sent, and a retry of the confirmed one is still the same.
    const confirmed = await instruct(a, { clientId: uuid(2), text: '补充:请书面答复', confirmAnother: true });
    expect(confirmed.status).toBe(201);
    expect((await instruct(a, { clientId: uuid(2), text: '补充:请书面答复', confirmAnother: true })).status).toBe(200);
    expect(await count()).toBe(3);
    const bad = await instruct(a, { clientId: uuid(4), text: 'x', confirmAnother: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json.issues?.[0]?.message.zh).toContain('确认再发一条');
    expect(await count()).toBe(3);
  });

  it('corrects and withdraws a 批示 only as a new version with a reason; the original stays', async () => {
    const first = uuid(10);
    expect((await instruct(a, { clientId: first, text: '请退货' })).status).toBe(201);
    expect((await instruct(b, { clientId: uuid(11), text: '另一案' })).status).toBe(201);

    const noReason = await version(a, first, { clientId: uuid(12), version: 'correction', text: '请换货' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.issues?.map((i) => i.field)).toEqual(['reason']);
    expect(noReason.json.message.zh).toContain('理由');
    const blank = await version(a, first, { clientId: uuid(12), version: 'withdrawal', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.json.issues?.[0]?.message).toEqual({ zh: '理由:必须填写', en: 'Reason is required' });
    const noText = await version(a, first, { clientId: uuid(12), version: 'correction', reason: '写错了' });
    expect(noText.status).toBe(400);
    expect(noText.json.issues?.[0]?.message.zh).toBe('批示内容:必须填写');
    const unknown = await version(a, uuid(99), { clientId: uuid(12), version: 'withdrawal', reason: '写错了' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.message.zh).toBe('此个案没有这条批示,无法更正或撤回');
    // Case b's 批示 through case a's path: another case's, refused.
    const other = await version(a, uuid(11), { clientId: uuid(12), version: 'withdrawal', reason: '写错了' });
    expect(other.status).toBe(404);
    const same = await version(a, first, { clientId: uuid(12), version: 'correction', text: '请退货', reason: '无' });
    expect(same.status).toBe(400);
    expect(await count()).toBe(2);

    const corrected = await version(a, first, {
      clientId: uuid(12),
      version: 'correction',
      text: '请换货并致歉',
      reason: '顾客要求换货',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.json.instruction).toMatchObject({
      instructionId: uuid(12),
      text: '请换货并致歉',
      kind: 'correction',
      reason: '顾客要求换货',
      supersedes: first,
      reviewerName: '李审核',
    });
    const retried = await version(a, first, {
      clientId: uuid(12),
      version: 'correction',
      text: '请换货并致歉',
      reason: '顾客要求换货',
    });
    expect(retried.status).toBe(200);
    expect(retried.json.created).toBe(false);
    // The original has a newer version: only the newest can be superseded.
    const stale = await version(a, first, { clientId: uuid(13), version: 'withdrawal', reason: '撤回' });
    expect(stale.status).toBe(409);
    expect(stale.json.message.zh).toContain('已有更新的版本');

    const withdrawn = await version(a, uuid(12), {
      clientId: uuid(13),
      version: 'withdrawal',
      reason: '门店已自行处理',
    });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.json.instruction).toMatchObject({
      kind: 'withdrawal',
      reason: '门店已自行处理',
      supersedes: uuid(12),
    });
    const again = await version(a, uuid(13), {
      clientId: uuid(14),
      version: 'correction',
      text: '再改',
      reason: '再改',
    });
    expect(again.status).toBe(409);
    expect(again.json.message.zh).toBe('这条批示已撤回,不能再更正或撤回');
    expect(await count()).toBe(4);

    const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${String(a.id)}`);
    expect(d.json.instructions.map((i) => [i.instructionId, i.kind, i.reason ?? null, i.supersedes ?? null])).toEqual([
      [first, 'instruction', null, null],
      [uuid(12), 'correction', '顾客要求换货', first],
      [uuid(13), 'withdrawal', '门店已自行处理', uuid(12)],
    ]);
    expect(d.json.instructions[0]?.text).toBe('请退货');
    // With its 批示 withdrawn, the case takes a new one without the warning.
    expect((await instruct(a, { clientId: uuid(15), text: '重新批示:按规定退货' })).status).toBe(201);
  });

  it('assigns a case to a reviewer for "my queue" and marks it read per reviewer', async () => {
    await addReviewer(hq.db, { username: 'wang', name: '王审核', password: PASSWORD }, Date.now());
    const wang = new ConsoleClient(hq);
    expect((await wang.signIn('wang')).status).toBe(200);
    const reviewers = await client.call<ReviewersAnswer>('GET', '/console/api/reviewers');
    expect(reviewers.json.reviewers.map((r) => r.username).sort()).toEqual(['li', 'wang']);

    const path = `/console/api/cases/SH01/${String(a.id)}`;
    const noOne = await client.call<AssignmentAnswer & ErrorBody>('POST', `${path}/assignment`, { reviewer: 'nobody' });
    expect(noOne.status).toBe(400);
    expect(noOne.json.issues?.[0]).toMatchObject({ field: 'reviewer' });
    expect(
      (await client.call<ErrorBody>('POST', '/console/api/cases/SH01/no-such/assignment', { reviewer: 'li' })).status,
    ).toBe(404);
    expect((await client.call<ErrorBody>('POST', `${path}/assignment`, {})).status).toBe(400);
    expect(await scalar(hq.db, 'SELECT count(*) FROM case_assignments')).toBe(0);

    const assigned = await wang.call<AssignmentAnswer>('POST', `${path}/assignment`, { reviewer: 'li' });
    expect(assigned.status).toBe(200);
    expect(assigned.json.assignment).toMatchObject({
      reviewer: 'li',
      reviewerName: '李审核',
      assignedByName: '王审核',
    });
    const mine = await client.call<CaseListPage>('GET', '/console/api/cases?mine=1');
    expect(mine.json.rows.map((r) => [r.id, r.assignedTo, r.assignedToMe])).toEqual([[a.id, '李审核', true]]);
    expect(mine.json.total).toBe(1);
    expect((await wang.call<CaseListPage>('GET', '/console/api/cases?mine=1')).json.rows).toEqual([]);
    const all = await wang.call<CaseListPage>('GET', '/console/api/cases');
    expect(all.json.rows.find((r) => r.id === a.id)).toMatchObject({ assignedTo: '李审核', assignedToMe: false });
    expect(all.json.rows.find((r) => r.id === b.id)).toMatchObject({ assignedTo: null, readByMe: false });

    const read = await client.call<ReadAnswer>('POST', `${path}/read`);
    expect(read.status).toBe(200);
    expect(read.json.reads.map((r) => r.reviewerName)).toEqual(['李审核']);
    const firstAt = read.json.reads[0]?.readAt;
    const twice = await client.call<ReadAnswer>('POST', `${path}/read`);
    expect(twice.json.reads.map((r) => r.readAt)).toEqual([firstAt]);
    expect(
      (await client.call<CaseListPage>('GET', '/console/api/cases')).json.rows.find((r) => r.id === a.id)?.readByMe,
    ).toBe(true);
    // Per reviewer: 王审核 has not read it.
    expect(
      (await wang.call<CaseListPage>('GET', '/console/api/cases')).json.rows.find((r) => r.id === a.id)?.readByMe,
    ).toBe(false);
    expect((await client.call<ErrorBody>('POST', '/console/api/cases/SH01/no-such/read')).status).toBe(404);

    const d = await wang.call<CaseDetail>('GET', path);
    expect(d.json.assignment).toMatchObject({ reviewer: 'li', reviewerName: '李审核' });
    expect(d.json.reads?.map((r) => r.reviewer)).toEqual(['li']);

    const cleared = await client.call<AssignmentAnswer>('POST', `${path}/assignment`, { reviewer: null });
    expect(cleared.json.assignment).toBeNull();
    expect((await client.call<CaseListPage>('GET', '/console/api/cases?mine=1')).json.rows).toEqual([]);
    // Without the CSRF token nothing changes.
    expect((await client.call('POST', `${path}/assignment`, { reviewer: 'li' }, { csrf: null })).status).toBe(403);
    expect(await scalar(hq.db, 'SELECT count(*) FROM case_assignments')).toBe(0);
  });
});
