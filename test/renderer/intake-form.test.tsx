// @vitest-environment jsdom
// The intake form: only the fields of its channel, field messages from the shared schema
// before submit and from main after, nothing typed lost, and no early submit from an IME.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { renderSigned, resetDrafts } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

const never = () => {
  throw new Error('main must not be called');
};

describe('IntakeForm', () => {
  it('shows only the fields that apply to the channel', async () => {
    await renderSigned(<IntakeForm channel="phone" />, never);
    expect(screen.getByLabelText('联系电话')).toBeTruthy();
    expect(screen.queryByLabelText('部门编号')).toBeNull();
    expect(screen.queryByText('匿名投诉')).toBeNull();
    cleanup();
    await renderSigned(<IntakeForm channel="government" />, never);
    expect(screen.getByLabelText('部门编号')).toBeTruthy();
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
    await renderSigned(<IntakeForm channel="phone" />, (channel) =>
      channel === 'cases.create'
        ? { ok: false, error: { code: 'VALIDATION', message: { zh: '异议类别:不是有效的选项', en: 'Category is not one of the allowed values' }, issues: [{ field: 'categoryCode', message: { zh: '异议类别:不是有效的选项', en: 'Category is not one of the allowed values' } }] } }
        : { ok: true, value: { customerIds: [], unfoundedLast12Months: 0, flagged: false, openCases: [] } },
    );
    await userEvent.type(screen.getByLabelText('联系电话'), '13812345678');
    await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '电饭煲内胆有划痕');
    // antd opens a select on mouse-down of its selector.
    fireEvent.mouseDown(screen.getByLabelText('异议类别'));
    await userEvent.click(await screen.findByTitle('商品质量'));
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    await waitFor(() => expect(screen.getAllByText('异议类别:不是有效的选项').length).toBeGreaterThan(0));
    expect((screen.getByLabelText('联系电话') as HTMLInputElement).value).toBe('13812345678');
    expect((screen.getByLabelText('异议内容(顾客原话)') as HTMLTextAreaElement).value).toBe('电饭煲内胆有划痕');
  });

  it('offers the unfinished draft when the form opens again', async () => {
    await renderSigned(<IntakeForm channel="phone" />, () => ({ ok: true, value: { customerIds: [], unfoundedLast12Months: 0, flagged: false, openCases: [] } }));
    await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '草稿内容');
    await new Promise((r) => setTimeout(r, 400));
    cleanup();
    await renderSigned(<IntakeForm channel="phone" />, never);
    await userEvent.click(await screen.findByRole('button', { name: '恢复草稿' }));
    expect((screen.getByLabelText('异议内容(顾客原话)') as HTMLTextAreaElement).value).toBe('草稿内容');
  });
});
