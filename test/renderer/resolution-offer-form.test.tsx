// @vitest-environment jsdom
// The resolve form's "提供给顾客的方案" (issue 21 §3) over the real handler map: options added, a bad amount and a
// missing choice refused on their fields with the typed text kept, then the chosen option saved on the case;
// the case screen lists them with the chosen one marked.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forwardCase } from '../../src-main/services/case-workflow';
import { getCase } from '../../src-main/services/case-read';
import { ActionDialog } from '../../src-renderer/features/cases/ActionDialog';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

/** Opens the select labelled `label` and picks `option` in its own (open) dropdown. */
async function choose(label: string, option: string) {
  // antd names both the select and its search input by an aria-label: the combobox is the one that opens.
  const all = screen.getAllByLabelText(label);
  fireEvent.mouseDown(all.find((e) => e.getAttribute('role') === 'combobox') ?? all[0]!);
  await waitFor(() =>
    expect(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toBeTruthy(),
  );
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].at(
    -1,
  );
  if (!open) throw new Error('no open dropdown');
  await userEvent.click(within(open).getByTitle(option));
  await waitFor(() =>
    expect(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toBeNull(),
  );
}

describe('resolve: the options offered', () => {
  it('refuses on the field and keeps the text, then saves the chosen option', async () => {
    const s = testStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.manager, { caseId: c.id, handlingUnitId: s.units.shoes });
    const onClose = vi.fn();
    const { invoke } = await renderSigned(
      <ActionDialog action="resolve" targetId={c.id} caseChannel="phone" onClose={onClose} />,
      { signedAs: 'manager' },
    );
    await choose('处理方式', '解释');
    await userEvent.type(screen.getByLabelText('处理结果说明'), '向顾客说明换货与退款两种办法');
    const add = screen.getByRole('button', { name: /添加方案/ });
    await userEvent.click(add);
    await userEvent.click(add);
    await choose('方案 1 方案类型', '换货');
    await userEvent.type(screen.getByLabelText('方案 1 方案内容'), '换同款 39 码');
    await choose('方案 2 方案类型', '部分退款');
    await userEvent.type(screen.getByLabelText('方案 2 金额(元)'), '12,00');
    const ok = screen.getByRole('button', { name: /确\s*定/ });
    await userEvent.click(ok);
    // Checked with the channel's own schema before sending: the amount in the money parser's words.
    expect(await screen.findByText('方案金额:请输入金额,如 1200 或 1200.50')).toBeTruthy();
    expect(invoke.mock.calls.filter(([ch]) => ch === 'cases.resolve')).toHaveLength(0);
    const amount = screen.getByLabelText('方案 2 金额(元)');
    await userEvent.clear(amount);
    await userEvent.type(amount, '¥120.50');
    await userEvent.click(ok);
    expect(await screen.findByText('顾客的选择:请标出顾客选择的方案,或选“均未接受”')).toBeTruthy();
    expect((screen.getByLabelText('方案 1 方案内容') as HTMLInputElement).value).toBe('换同款 39 码');
    // Ctrl+Enter sends, as on every form.
    await userEvent.click(screen.getByLabelText('顾客选择了方案 2'));
    await userEvent.click(screen.getByLabelText('方案 1 方案内容'));
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(getCase(s.ctx, s.users.manager, { caseId: c.id }).resolutionOffer).toEqual({
      options: [
        { kind: 'exchange', text: '换同款 39 码', amountFen: null },
        { kind: 'partial_refund', text: null, amountFen: 12_050 },
      ],
      chosen: 1,
      note: null,
    });
    cleanup();
    await renderSigned(<CaseDetail id={c.id} />);
    const list = await screen.findByTestId('offer-list');
    expect(list.textContent).toContain('换货 · 换同款 39 码');
    expect(list.querySelector('[data-chosen]')?.textContent).toBe('部分退款 · ¥120.50顾客选择');
    // The history counts them, by their own label (never a raw field name).
    const history = await screen.findByTestId('case-history');
    await waitFor(() => expect(history.textContent).toContain('提供给顾客的方案: 2 条'));
  });

  it('sends no offer when none was added, and asks for the reason when none was accepted', async () => {
    const s = testStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.manager, { caseId: c.id, handlingUnitId: s.units.shoes });
    const onClose = vi.fn();
    await renderSigned(<ActionDialog action="resolve" targetId={c.id} caseChannel="phone" onClose={onClose} />, {
      signedAs: 'manager',
    });
    await choose('处理方式', '道歉');
    await userEvent.type(screen.getByLabelText('处理结果说明'), '当面致歉');
    await userEvent.click(screen.getByRole('button', { name: /添加方案/ }));
    await choose('方案 1 方案类型', '维修');
    await userEvent.click(screen.getByLabelText('均未接受'));
    const ok = screen.getByRole('button', { name: /确\s*定/ });
    await userEvent.click(ok);
    expect(await screen.findByText('未接受原因:均未接受时须写明原因')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('未接受原因'), '顾客只接受退款');
    await userEvent.click(ok);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(getCase(s.ctx, s.users.manager, { caseId: c.id }).resolutionOffer).toMatchObject({
      chosen: null,
      note: '顾客只接受退款',
    });
  });
});
