// @vitest-environment jsdom
// The intake form: only the fields of its channel, field messages from the shared schema
// before submit and from main after (the real handlers over a temp store), nothing typed lost,
// no early submit from an IME, and the draft saved through main once the clerk pauses.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { REFERENCE_ONLY, renderSigned, resetDrafts } from './render';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  resetDrafts();
});

/** Main may answer the reference data and drafts, nothing else. */
const never = { only: REFERENCE_ONLY };

describe('IntakeForm', () => {
  it('shows only the fields that apply to the channel', async () => {
    await renderSigned(<IntakeForm channel="phone" />, never);
    expect(screen.getByLabelText('联系电话')).toBeTruthy();
    expect(screen.queryByLabelText('来文编号')).toBeNull();
    expect(screen.queryByText('匿名投诉')).toBeNull();
    cleanup();
    await renderSigned(<IntakeForm channel="government" />, never);
    expect(screen.getByLabelText('来文编号')).toBeTruthy();
  });

  it('names the missing fields from the shared schema before anything is sent', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />, never);
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    expect(await screen.findByText(/^顾客电话:/)).toBeTruthy();
    expect(screen.getByText('异议内容:必须填写')).toBeTruthy();
    expect(invoke.mock.calls.filter(([c]) => c === 'cases.create')).toHaveLength(0);
  });

  it('does not submit on the Enter that confirms an IME composition', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />, never);
    const content = screen.getByLabelText('异议内容(顾客原话)');
    fireEvent.change(content, { target: { value: '投诉' } });
    fireEvent.keyDown(content, { key: 'Enter', ctrlKey: true, isComposing: true });
    fireEvent.keyDown(content, { key: 'Enter', ctrlKey: true, keyCode: 229 });
    expect(screen.queryByText('请更正标出的字段')).toBeNull();
    // The same keys outside a composition do submit (and the schema answers first).
    fireEvent.keyDown(content, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('请更正标出的字段')).toBeTruthy();
    expect(invoke.mock.calls.filter(([c]) => c === 'cases.create')).toHaveLength(0);
  });

  it("shows main's refusal on the field and keeps what was typed", async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />, {
      canned: {
        'cases.create': () => ({
          ok: false,
          error: {
            code: 'VALIDATION',
            message: { zh: '异议类别:不是有效的选项', en: 'Category is not one of the allowed values' },
            issues: [
              {
                field: 'categoryCode',
                message: { zh: '异议类别:不是有效的选项', en: 'Category is not one of the allowed values' },
              },
            ],
          },
        }),
      },
    });
    await userEvent.type(screen.getByLabelText('联系电话'), '13812345678');
    await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '电饭煲内胆有划痕');
    // antd opens a select on mouse-down of its selector.
    fireEvent.mouseDown(screen.getByLabelText('异议类别'));
    await userEvent.click(await screen.findByTitle('商品质量'));
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    await waitFor(() => expect(screen.getAllByText('异议类别:不是有效的选项').length).toBeGreaterThan(0));
    expect((screen.getByLabelText('联系电话') as HTMLInputElement).value).toBe('13812345678');
    expect((screen.getByLabelText('异议内容(顾客原话)') as HTMLTextAreaElement).value).toBe('电饭煲内胆有划痕');
    // The repeat-complainant check was answered by the real store: a phone it has never seen, and no list
    // of other branches' findings yet (this store never synced).
    const check = invoke.mock.results[invoke.mock.calls.findIndex(([c]) => c === 'intake.check')];
    expect(await check?.value).toEqual({
      ok: true,
      value: { customerIds: [], unfoundedLast12Months: 0, flagged: false, openCases: [], otherBranches: null },
    });
  });

  it("shows the real handler's refusal of a category withdrawn after the form loaded it, and keeps what was typed", async () => {
    const { store, invoke } = await renderSigned(<IntakeForm channel="phone" />);
    await userEvent.type(screen.getByLabelText('联系电话'), '13812345678');
    await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '电饭煲内胆有划痕');
    fireEvent.mouseDown(screen.getByLabelText('异议类别'));
    await userEvent.click(await screen.findByTitle('商品质量'));
    store.db.prepare("UPDATE categories SET active = 0 WHERE code = 'product_quality'").run();
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    await waitFor(() => expect(screen.getAllByText('类别不存在或已停用').length).toBeGreaterThan(0));
    expect(invoke.mock.calls.filter(([c]) => c === 'cases.create')).toHaveLength(1);
    expect((screen.getByLabelText('联系电话') as HTMLInputElement).value).toBe('13812345678');
    expect((screen.getByLabelText('异议内容(顾客原话)') as HTMLTextAreaElement).value).toBe('电饭煲内胆有划痕');
    expect(store.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
  });

  it('offers the unfinished draft when the form opens again', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />);
    const saves = () => invoke.mock.calls.filter(([c]) => c === 'drafts.save');
    // The form saves about 300 ms after the last change: fake time, no real wait. (user-event's
    // own waits are real setTimeouts that vitest's fake timers would never run, so fireEvent here.)
    vi.useFakeTimers();
    const content = screen.getByLabelText('异议内容(顾客原话)');
    fireEvent.change(content, { target: { value: '草稿' } });
    await act(() => vi.advanceTimersByTimeAsync(200));
    fireEvent.change(content, { target: { value: '草稿内容' } });
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(saves()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(150));
    expect(saves()).toHaveLength(1);
    expect(saves()[0]?.[1]).toMatchObject({ form: expect.stringMatching(/^intake\./), value: { content: '草稿内容' } });
    vi.useRealTimers();
    cleanup();
    await renderSigned(<IntakeForm channel="phone" />, never);
    await userEvent.click(await screen.findByRole('button', { name: '恢复草稿' }));
    expect((screen.getByLabelText('异议内容(顾客原话)') as HTMLTextAreaElement).value).toBe('草稿内容');
  });
});
