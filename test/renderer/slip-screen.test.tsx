// @vitest-environment jsdom
// The slip form says before saving when the amount needs a supervisor's or the manager's approval
// (the domain rule main applies), and a slip opened from a case starts from the case (real handlers).
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SlipForm } from '../../src-renderer/features/slips/SlipForm';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

const price = () => screen.getByLabelText('单价(元) 1', { selector: '#returnedLines-0-unitPrice' });

describe('the slip form before saving', () => {
  it("names who must approve: nothing within the clerk's ¥500, a supervisor above, the manager above ¥5,000", async () => {
    await renderSigned(<SlipForm caseId={undefined} />);
    await userEvent.type(price(), '499');
    expect(screen.queryByTestId('approval-notice')).toBeNull();
    await userEvent.clear(price());
    await userEvent.type(price(), '1200');
    expect(screen.getByTestId('approval-notice').textContent).toBe(
      '退回金额 ¥1,200.00 超出您的核决权限 ¥500.00:保存后须由值班主管或店长核准',
    );
    await userEvent.clear(price());
    await userEvent.type(price(), '6000');
    expect(screen.getByTestId('approval-notice').textContent).toBe(
      '退回金额 ¥6,000.00 超出值班主管的核决权限 ¥5,000.00:保存后须由店长核准',
    );
  });

  it('opened from a case, is prefilled from it and names the case', async () => {
    const s = testStore();
    const c = phoneCase(s);
    await renderSigned(<SlipForm caseId={c.id} />);
    expect((await screen.findByTestId('slip-linked-case')).textContent).toContain(c.number);
    const value = (id: string) => {
      const el = document.getElementById(id);
      return el instanceof HTMLInputElement ? el.value : undefined;
    };
    await waitFor(() => expect(value('slipReceipt')).toBe('R20261120-0042'));
    expect(value('slipCustomerName')).toBe('张三');
    // The case's phone arrives masked (issue 20): the field stays empty and main copies it from the case.
    expect(value('slipCustomerPhone')).toBe('');
    expect(value('returnedLines-0-itemCode')).toBe('6901234567890');
    expect(value('returnedLines-0-name')).toBe('男士皮鞋');
    expect(value('returnedLines-0-unitPrice')).toBe('459.00');
    expect(screen.getByText('鞋部')).toBeTruthy();
  });
});
