// @vitest-environment jsdom
// The intake notice over the real handlers and a temp store: it updates as the clerk types the phone,
// the name and the receipt number, says why each earlier case or slip matched, and a late answer to
// older typing never replaces the answer to what is typed now.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

const lines = () =>
  within(screen.getByTestId('repeat-notice'))
    .getAllByTestId('intake-match')
    .map((li) => li.textContent);

describe('the intake notice', () => {
  it('checks phone, name and receipt as the clerk types, saying why each case matched', async () => {
    const { store } = await renderSigned(<IntakeForm channel="phone" />);
    const zhang = phoneCase(store); // 张三, 138 0013 8000, R20261120-0042
    const feng = phoneCase(store, {
      customer: { name: '冯女士', phone: '139 0000 1111' },
      purchase: { items: [{ name: '牛奶' }], receiptNo: 'R20261121-0007' },
    });
    expect(screen.queryByTestId('repeat-notice')).toBeNull();
    await userEvent.type(screen.getByLabelText('联系电话'), '+86 138-0013-8000');
    await waitFor(() => expect(lines()).toHaveLength(1));
    expect(lines()[0]).toContain(`个案 ${zhang.number}`);
    expect(lines()[0]).toContain('相同:电话');
    await userEvent.type(screen.getByLabelText('顾客姓名'), '冯女士');
    await waitFor(() => expect(lines()).toHaveLength(2));
    const fengLine = lines().find((l) => l?.includes(feng.number));
    expect(fengLine).toContain('相同:姓名');
    expect(fengLine).toContain('仅姓名相同,可能是同名的另一位顾客');
    await userEvent.type(screen.getByLabelText('小票号'), 'ｒ２０２６１１２０ ４２');
    await waitFor(() => expect(lines().find((l) => l?.includes(zhang.number))).toContain('相同:电话、小票号'));
    const link = within(screen.getByTestId('repeat-notice')).getByRole('link', { name: `个案 ${zhang.number}` });
    expect(link.getAttribute('href')).toBe(`#/case/${zhang.id}`);
    await userEvent.clear(screen.getByLabelText('联系电话'));
    await userEvent.clear(screen.getByLabelText('顾客姓名'));
    await userEvent.clear(screen.getByLabelText('小票号'));
    await waitFor(() => expect(screen.queryByTestId('repeat-notice')).toBeNull());
  });

  it('keeps the newer answer when an older one arrives late', async () => {
    const { store, invoke } = await renderSigned(<IntakeForm channel="phone" />);
    phoneCase(store);
    const feng = phoneCase(store, { customer: { name: '冯女士', phone: '139 0000 1111' } });
    // Main answers the phone-only question slowly: after the question about phone and name.
    window.branchDesk = {
      on: () => () => {},
      invoke: async (channel: string, input: unknown) => {
        const slow = channel === 'intake.matches' && !(typeof input === 'object' && input !== null && 'name' in input);
        if (slow) await new Promise((r) => setTimeout(r, 1500));
        return invoke(channel, input);
      },
    };
    await userEvent.type(screen.getByLabelText('联系电话'), '13900001111');
    await new Promise((r) => setTimeout(r, 400));
    await userEvent.type(screen.getByLabelText('顾客姓名'), '张三');
    await waitFor(() => expect(lines()).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 1600));
    expect(lines()).toHaveLength(2);
    expect(lines().find((l) => l?.includes(feng.number))).toContain('相同:电话');
  });
});
