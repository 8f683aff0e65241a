// @vitest-environment jsdom
// The panel 处理步骤与话术 (issue 21 §3) over the real handlers: at intake the phone channel's steps with
// the current step's phrases; Alt+N in the content box puts phrase N at the caret, keeping the rest of
// the text, and the draft saves it; nothing goes in during an IME composition; a click inserts into the
// box last typed in; ticks at intake go with the new case; on the case a tick goes to main and back.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  resetDrafts();
});

const GREETING = '您好,我是客服台的值班人员,请问有什么可以帮您?';
const SEAT = '您请这边坐,慢慢说,我来记录。';

describe('the panel 处理步骤与话术', () => {
  it('inserts phrase N of the current step at the caret with Alt+N, and the draft saves it', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />);
    const panel = await screen.findByTestId('guidance-panel');
    await within(panel).findByRole('checkbox', { name: '耐心倾听' });
    // The phone channel's steps: the six, and restating with a callback time; the first is current.
    expect(within(panel).getByRole('checkbox', { name: '复述并约定回电时间' })).toBeTruthy();
    expect(within(panel).queryByRole('checkbox', { name: '核对部门来文' })).toBeNull();
    expect(within(panel).getByText(/Alt\+1…9/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: new RegExp(GREETING) })).toBeTruthy();

    const content = screen.getByLabelText<HTMLTextAreaElement>('异议内容(顾客原话)');
    content.focus();
    fireEvent.change(content, { target: { value: '顾客说:鞋开胶了。' } });
    content.setSelectionRange(4, 4); // after 顾客说:
    vi.useFakeTimers();
    // During an IME composition Alt+1 is the IME's, not ours.
    fireEvent.keyDown(content, { key: '1', code: 'Digit1', altKey: true, isComposing: true });
    expect(content.value).toBe('顾客说:鞋开胶了。');
    fireEvent.keyDown(content, { key: '1', code: 'Digit1', altKey: true });
    expect(content.value).toBe(`顾客说:${GREETING}鞋开胶了。`);
    expect(content.selectionStart).toBe(4 + GREETING.length);
    // Alt+2 on the keypad: the second phrase, at the caret left after the first.
    fireEvent.keyDown(content, { key: '2', code: 'Numpad2', altKey: true });
    expect(content.value).toBe(`顾客说:${GREETING}${SEAT}鞋开胶了。`);
    // Other Alt keys, and a digit with Ctrl too, are not ours.
    fireEvent.keyDown(content, { key: 'a', code: 'KeyA', altKey: true });
    fireEvent.keyDown(content, { key: '3', code: 'Digit3', altKey: true, ctrlKey: true });
    expect(content.value).toBe(`顾客说:${GREETING}${SEAT}鞋开胶了。`);
    await act(() => vi.advanceTimersByTimeAsync(400));
    const saves = invoke.mock.calls.filter(([c]) => c === 'drafts.save');
    expect(saves.at(-1)?.[1]).toMatchObject({ value: { content: `顾客说:${GREETING}${SEAT}鞋开胶了。` } });
  });

  it('inserts a clicked phrase into the box last typed in, and saves the steps ticked at intake with the case', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />);
    const panel = await screen.findByTestId('guidance-panel');
    await within(panel).findByRole('checkbox', { name: '耐心倾听' });
    const expected = screen.getByLabelText<HTMLTextAreaElement>('期望解决方式');
    expected.focus();
    await userEvent.click(within(panel).getByRole('button', { name: /致歉与安抚|表示理解或真情致歉/ }));
    await userEvent.click(within(panel).getByRole('button', { name: /给您添麻烦了,非常抱歉/ }));
    expect(expected.value).toBe('给您添麻烦了,非常抱歉。');

    await userEvent.click(within(panel).getByRole('checkbox', { name: '耐心倾听' }));
    await userEvent.click(within(panel).getByRole('checkbox', { name: '复述并约定回电时间' }));
    expect(within(panel).getByText(/已完成 2\/7 步/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByLabelText('异议内容(顾客原话)'), { target: { value: '鞋开胶了' } });
    await userEvent.click(screen.getByRole('combobox', { name: /异议类别/ }));
    await userEvent.click(await screen.findByTitle('商品质量'));
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    await waitFor(() => expect(invoke.mock.calls.some(([c]) => c === 'cases.create')).toBe(true));
    const create = invoke.mock.calls.find(([c]) => c === 'cases.create');
    expect(create?.[1]).toMatchObject({ handlingSteps: ['listen', 'confirm_callback'] });
    await waitFor(() =>
      expect(testStore().db.prepare('SELECT step_key AS k FROM case_handling_steps ORDER BY rowid').all()).toEqual([
        { k: 'listen' },
        { k: 'confirm_callback' },
      ]),
    );
  });

  it('ticks a step on the case through main and shows who ticked it', async () => {
    const s = testStore();
    const c = phoneCase(s);
    const { invoke } = await renderSigned(<CaseDetail id={c.id} />);
    const panel = await screen.findByTestId('guidance-panel');
    await userEvent.click(await within(panel).findByRole('checkbox', { name: '耐心倾听' }));
    await waitFor(() => expect(within(panel).getByText(/陈服务台 于/)).toBeTruthy());
    expect(invoke.mock.calls.find(([ch]) => ch === 'cases.tickStep')?.[1]).toEqual({
      caseId: c.id,
      stepKey: 'listen',
      ticked: true,
    });
    expect(s.db.prepare('SELECT ticked_by_name AS who FROM case_handling_steps').all()).toEqual([{ who: '陈服务台' }]);
  });
});
