// 纠正预防措施 at head office (issue 18 §1): a case snapshot carrying its corrective actions arrives by sync,
// the console's case detail holds them and head office's printed record lists them; a snapshot from an
// older branch (no actions) still imports and prints 无 — on every head-office store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src-headoffice/console/api-contract';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import type { Hq } from '../sync/sync-harness';
import { caseSnapshot, type ConsoleClient, pushRecords, startConsole } from './console-harness';

const T = Date.parse('2026-11-02T02:00:00Z');

/** An action as a branch's snapshot carries it: nulls left out. */
const action = (caseId: string) => ({
  id: 'f0e1d2c3-b4a5-4697-8899-aabbccddeeff',
  caseId,
  responsibleUserId: 'u-liu',
  responsibleName: '刘喆',
  actionText: '鞋部组织服务规范培训',
  dueDate: '2026-11-05',
  dueAt: T + 3 * 86_400_000,
  state: 'done',
  createdBy: 'u-li',
  createdByName: '李晓雯',
  createdAt: T,
  doneAt: T + 86_400_000,
  doneBy: 'u-liu',
  doneByName: '刘喆',
  doneNote: '已培训 6 人',
  returnCount: 0,
  version: 2,
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('corrective actions at head office (%s)', (_n, backend) => {
  let hq: Hq;
  let client: ConsoleClient;
  let keys: Record<string, string>;
  beforeEach(async () => {
    ({ hq, client, keys } = await startConsole(backend));
    await client.signIn();
  });
  afterEach(() => hq.close());

  const recordText = async (id: unknown) => {
    const res = await fetch(`${hq.url}/console/api/cases/SH01/${String(id)}/record.pdf`, {
      headers: { cookie: client.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    return squash((await readPdf(Buffer.from(await res.arrayBuffer()))).map((p) => p.text).join(''));
  };

  it('shows and prints them; an older snapshot without them imports and prints 无', async () => {
    const withActions = caseSnapshot('SH01', 1, { finding: 'founded', status: 'fed_back' });
    withActions.correctiveActions = [action(String(withActions.id))];
    const older = caseSnapshot('SH01', 2, {});
    await pushRecords(hq, keys.SH01 as string, 'SH01', [
      { type: 'case', data: withActions },
      { type: 'case', data: older },
    ]);
    const d = await client.call<CaseDetail>('GET', `/console/api/cases/SH01/${String(withActions.id)}`);
    expect(d.status).toBe(200);
    expect(d.json.case.correctiveActions).toHaveLength(1);
    const list = await client.call<{ rows: { id: string }[] }>('GET', '/console/api/cases?branch=SH01');
    expect(list.json.rows.map((r) => r.id).sort()).toEqual([String(withActions.id), String(older.id)].sort());
    expect(await recordText(withActions.id)).toContain('责任人员/单位:刘喆完成期限:2026-11-05待效果确认');
    expect(await recordText(withActions.id)).toContain('鞋部组织服务规范培训完成:2026-11-0310:00刘喆已培训6人');
    expect(await recordText(older.id)).toContain('纠正预防措施无');
  });
});
