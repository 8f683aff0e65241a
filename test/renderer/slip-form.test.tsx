// @vitest-environment jsdom
// The slip form: live totals as lines are typed (display only), and the two yes/no
// questions finance settles on must be answered — there is no default (real handlers, temp store).
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SlipForm } from '../../src-renderer/features/slips/SlipForm';
import { lineFen, totalFen } from '../../src-renderer/features/slips/slip-state';
import { renderSigned, resetDrafts } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

describe('SlipForm', () => {
  it('shows live totals and the price difference of an exchange', async () => {
    await renderSigned(<SlipForm caseId={undefined} />);
    await userEvent.type(screen.getByLabelText('单价(元) 1', { selector: '#returnedLines-0-unitPrice' }), '199.5');
    fireEvent.change(screen.getByLabelText('数量 1', { selector: '#returnedLines-0-quantity' }), {
      target: { value: '2' },
    });
    await userEvent.type(screen.getByLabelText('单价(元) 1', { selector: '#issuedLines-0-unitPrice' }), '420');
    const totals = screen.getByTestId('slip-totals').textContent ?? '';
    expect(totals).toContain('退回合计: ¥399.00');
    expect(totals).toContain('换出合计: ¥420.00');
    expect(totals).toContain('补差价: ¥21.00');
  });

  it('refuses to send until both yes/no questions are answered', async () => {
    const { invoke } = await renderSigned(<SlipForm caseId={undefined} />);
    await userEvent.click(screen.getByRole('button', { name: /保存退换货单/ }));
    expect(await screen.findByText('是否属于商品质量问题:须明确选择“是”或“否”')).toBeTruthy();
    expect(screen.getByText('是否须扣提成:须明确选择“是”或“否”')).toBeTruthy();
    expect(invoke.mock.calls.filter(([c]) => c === 'slips.create')).toHaveLength(0);
  });

  it('computes line amounts in integer fen', () => {
    expect(lineFen({ itemCode: 'A', name: 'a', spec: '', quantity: '3', unitPrice: '0.10' })).toBe(30);
    expect(lineFen({ itemCode: 'A', name: 'a', spec: '', quantity: 'x', unitPrice: '1' })).toBeNull();
    expect(
      totalFen([
        { itemCode: 'A', name: 'a', spec: '', quantity: '1', unitPrice: '12.3' },
        { itemCode: 'B', name: 'b', spec: '', quantity: '2', unitPrice: '' },
      ]),
    ).toBe(1230);
  });
});
