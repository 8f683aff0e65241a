// Issue 22's five channels through dispatch (the map the IPC and browser servers serve): the contract parses
// the input once, refusals come back as bilingual Result errors, and the merged duplicate's slip is listed on
// the primary's view ("from SH01-…") without being moved or copied.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { createSlip } from '../../src-main/services/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { returnInput } from '../helpers/slips';

let s: TestStore;
afterEach(() => s?.close());

describe('cases.suggestMatches / link / unlink / merge / undoMerge through dispatch', () => {
  it('suggests, links, merges and undoes as each role may; refusals as Result errors', async () => {
    s = openTestStore();
    const sec: Session = { user: s.users.secretary };
    const clerk: Session = { user: s.users.clerk };
    const sup: Session = { user: s.users.supervisor };
    const a = phoneCase(s);
    const b = phoneCase(s);
    const slip = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: a.id }));

    const suggested = await dispatch(s.ctx, clerk, 'cases.suggestMatches', { caseId: b.id });
    expect(suggested).toMatchObject({
      ok: true,
      value: [{ caseId: a.id, reasons: ['phone', 'name', 'receipt', 'item', 'content'] }],
    });

    const linked = await dispatch(s.ctx, sec, 'cases.link', { caseIds: [a.id, b.id] });
    expect(linked.ok && linked.value.linkedCases.map((x) => x.number)).toEqual([b.number]);

    const byClerk = await dispatch(s.ctx, clerk, 'cases.merge', { duplicateId: a.id, primaryId: b.id, reason: '重复' });
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await dispatch(s.ctx, sec, 'cases.merge', { duplicateId: a.id, primaryId: b.id, reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const merged = await dispatch(s.ctx, sec, 'cases.merge', {
      duplicateId: a.id,
      primaryId: b.id,
      reason: '重复登记',
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect(merged.value.id).toBe(b.id);
    expect(merged.value.mergedFrom[0]).toMatchObject({ number: a.number, slips: [{ id: slip.id, caseId: a.id }] });
    // Referenced, not moved: the slip still belongs to the duplicate.
    expect(merged.value.slips).toEqual([]);

    const undoBySec = await dispatch(s.ctx, sec, 'cases.undoMerge', { duplicateId: a.id, reason: '合并错了' });
    expect(undoBySec).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const undone = await dispatch(s.ctx, sup, 'cases.undoMerge', { duplicateId: a.id, reason: '合并错了' });
    expect(undone).toMatchObject({ ok: true, value: { id: a.id, status: 'registered', mergedIntoCase: null } });

    const unlinked = await dispatch(s.ctx, sec, 'cases.unlink', { caseId: a.id, reason: '不是同一事项' });
    expect(unlinked).toMatchObject({ ok: true, value: { matterId: null, linkedCases: [] } });
  });
});
