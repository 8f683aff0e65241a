// @vitest-environment jsdom
// 回避 at intake (issue 18 §5): the clerk records the staff complained about and her staff number; the
// real handler stores both on the case, and a staff number that is not one is named before anything is sent.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { renderSigned, resetDrafts } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

async function fillCase() {
  await userEvent.type(screen.getByLabelText('联系电话'), '13812345678');
  await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '营业员态度恶劣');
  fireEvent.mouseDown(screen.getByLabelText('异议类别'));
  await userEvent.click(await screen.findByTitle('商品质量'));
}

describe('IntakeForm: the staff complained about', () => {
  it('is stored on the case with her staff number', async () => {
    const { store } = await renderSigned(<IntakeForm channel="phone" />);
    await fillCase();
    await userEvent.type(screen.getByLabelText('被投诉员工(营业员)'), '刘鞋部');
    await userEvent.type(screen.getByLabelText('被投诉员工工号'), 'U001');
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    await waitFor(() =>
      expect(
        store.db.prepare('SELECT complained_staff_name AS name, complained_staff_no AS no FROM cases').all(),
      ).toEqual([{ name: '刘鞋部', no: 'U001' }]),
    );
  });

  it('names a staff number that is not one before anything is sent', async () => {
    const { invoke } = await renderSigned(<IntakeForm channel="phone" />);
    await fillCase();
    await userEvent.type(screen.getByLabelText('被投诉员工工号'), '刘-1');
    await userEvent.click(screen.getByRole('button', { name: /登记/ }));
    expect(await screen.findByText('被投诉员工工号:须为 2–12 位字母或数字')).toBeTruthy();
    expect(invoke.mock.calls.filter(([c]) => c === 'cases.create')).toHaveLength(0);
  });
});
