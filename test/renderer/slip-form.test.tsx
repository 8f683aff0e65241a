// @vitest-environment jsdom
// The slip form: live totals as lines are typed (display only), and the two yes/no
// questions finance settles on must be answered — there is no default (real handlers, temp store).
import { cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SlipForm } from '../../src-renderer/features/slips/SlipForm';
import { SlipFields } from '../../src-renderer/features/slips/SlipFields';
import { emptySlip, lineFen, toSlipInput, totalFen } from '../../src-renderer/features/slips/slip-state';
import type { SlipView } from '../../src-main/shared/types';
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

  it('asks 收款方式 instead of 退款方式 when the customer pays the difference', async () => {
    await renderSigned(<SlipForm caseId={undefined} />);
    expect(screen.getByText('退款方式')).toBeTruthy();
    expect(screen.queryByText('收款方式')).toBeNull();
    await userEvent.type(screen.getByLabelText('单价(元) 1', { selector: '#returnedLines-0-unitPrice' }), '100');
    await userEvent.type(screen.getByLabelText('单价(元) 1', { selector: '#issuedLines-0-unitPrice' }), '120');
    expect(await screen.findByText('收款方式')).toBeTruthy();
    expect(screen.queryByText('退款方式')).toBeNull();
  });

  it('sends the method as paymentMethod when the customer pays, as refundMethod otherwise', () => {
    const line = (unitPrice: string) => ({ itemCode: 'A', name: 'a', spec: '', quantity: '1', unitPrice });
    const dearer = { ...emptySlip(), returnedLines: [line('100')], issuedLines: [line('120')] };
    const up = toSlipInput({ ...dearer, refundMethod: 'cash', paymentMethod: 'bank_card' }, undefined);
    expect(up).toMatchObject({ paymentMethod: 'bank_card' });
    expect(up.refundMethod).toBeUndefined();
    const down = toSlipInput(
      { ...dearer, issuedLines: [line('80')], refundMethod: 'cash', paymentMethod: 'bank_card' },
      undefined,
    );
    expect(down).toMatchObject({ refundMethod: 'cash' });
    expect(down.paymentMethod).toBeUndefined();
  });

  it('asks the refund amount of a return only: an exchange computes it and sends none', async () => {
    await renderSigned(<SlipForm caseId={undefined} />);
    expect(document.querySelector('#slipRefund')).toBeNull();
    await userEvent.click(screen.getByLabelText('退货'));
    expect(document.querySelector('#slipRefund')).not.toBeNull();
    const line = (unitPrice: string) => ({ itemCode: 'A', name: 'a', spec: '', quantity: '1', unitPrice });
    const typedThenSwitched = {
      ...emptySlip(),
      type: 'exchange' as const,
      refund: '50',
      returnedLines: [line('100')],
      issuedLines: [line('80')],
    };
    expect(toSlipInput(typedThenSwitched, undefined).refundFen).toBeUndefined();
    expect(toSlipInput({ ...typedThenSwitched, type: 'return' }, undefined).refundFen).toBe(5000);
  });

  it('shows 收款方式 of a saved exchange in the vocabulary', async () => {
    const base = { type: 'exchange', paymentMethod: 'store_credit', refundMethod: null } as const;
    const view = {
      ...base,
      receiptNo: 'R-1',
      purchaseDate: null,
      customerName: null,
      customerPhone: null,
      unitName: '鞋部',
      salespersonName: null,
      salespersonStaffNo: null,
      caseId: null,
      caseNumber: null,
      returnedTotalFen: 100,
      issuedTotalFen: 120,
      differenceFen: 20,
      refundFen: 0,
      reasonCode: 'size_fit',
      reasonText: null,
      packagingIntact: true,
      accessoriesComplete: true,
      qualityProblem: false,
      deductCommission: false,
      handledByName: '陈服务台',
      handledAt: 0,
      approvedByName: null,
      approvedAt: null,
      status: 'completed',
      voidedByName: null,
      voidedAt: null,
      voidReason: null,
      settlementStatus: 'unsettled',
      settledOn: null,
      settledByName: null,
      personalData: { masked: true, mayReveal: false },
    } as unknown as SlipView;
    await renderSigned(<SlipFields s={view} />);
    const fields = screen.getByTestId('slip-fields').textContent ?? '';
    expect(fields).toContain('收款方式储值');
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
