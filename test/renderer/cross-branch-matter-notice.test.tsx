// @vitest-environment jsdom
// Head office's cross-branch matter notice on the branch's case (issue 22 §4) over the real handlers: a notice
// stored as the pull stores it shows on the case "同一事项也在其他门店处理:SH02 门店,编号 SH02-…" with who
// linked it; a later unlink replaces it with the reason; a case head office never linked shows nothing.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMatterNotice } from '../../src-main/services/matter-notices';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { phoneCase } from '../helpers/store';
import { renderSigned, testStore } from './render';

afterEach(() => cleanup());

describe('the cross-branch matter notice on the case', () => {
  it('shows the other branch and its number, then the unlink with its reason', async () => {
    const s = testStore();
    const c = phoneCase(s);
    const alone = phoneCase(s);
    const base = {
      matterId: 'M-9',
      caseId: c.id,
      caseNumber: c.number,
      reviewerName: '李审核',
      at: '2026-11-24T02:00:00Z',
    };
    applyMatterNotice(
      s.db,
      { ...base, seq: 1, noticeId: 'n1', kind: 'linked', others: [{ branch: 'SH02', number: 'SH02-YY-202611-0007' }] },
      s.clock.t,
    );
    const first = await renderSigned(<CaseDetail id={c.id} />);
    // The case screen loads several panels first: give it time.
    const notice = await screen.findByTestId('cross-branch-matter', {}, { timeout: 8000 });
    expect(notice.textContent).toContain('同一事项也在其他门店处理');
    expect(notice.textContent).toContain('SH02 门店,编号 SH02-YY-202611-0007');
    expect(notice.textContent).toContain('李审核');
    expect(first.invoke.mock.calls.find(([ch]) => ch === 'cases.crossBranchMatter')?.[1]).toEqual({ caseId: c.id });
    cleanup();

    applyMatterNotice(
      s.db,
      { ...base, seq: 2, noticeId: 'n2', kind: 'unlinked', others: [], reason: '顾客确认是两次购买' },
      s.clock.t,
    );
    await renderSigned(<CaseDetail id={c.id} />);
    await waitFor(() => expect(screen.getByTestId('cross-branch-matter').textContent).toContain('顾客确认是两次购买'), {
      timeout: 8000,
    });
    expect(screen.getByTestId('cross-branch-matter').textContent).toContain('总部已解除本案的跨门店关联');
    cleanup();

    const third = await renderSigned(<CaseDetail id={alone.id} />);
    await screen.findByText(alone.number, {}, { timeout: 8000 });
    await waitFor(() =>
      expect(
        third.invoke.mock.calls.some(
          ([ch, i]) => ch === 'cases.crossBranchMatter' && JSON.stringify(i).includes(alone.id),
        ),
      ).toBe(true),
    );
    expect(screen.queryByTestId('cross-branch-matter')).toBeNull();
  });
});
