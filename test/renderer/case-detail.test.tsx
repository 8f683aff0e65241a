// @vitest-environment jsdom
// The case screen shows everything recorded, grouped as the record form is, over the real handler
// map: purchase, units by name, escalations with their outcome, instructions, the history from the
// audit log; a 5,000-character complaint scrolls inside its field and the label column keeps its width.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyInstruction } from '../../src-main/services/case-details';
import { escalateCase, forwardCase } from '../../src-main/services/case-workflow';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { LABEL_WIDTH } from '../../src-renderer/features/cases/CaseFields';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

const GROUPS = [
  '受理',
  '顾客',
  '购买',
  '异议',
  '处理',
  '承诺',
  '升级',
  '反馈',
  '调查结论',
  '回访',
  '退换货单',
  '批示',
  '审核',
  '建档',
];

describe('CaseDetail', () => {
  it('shows every group of the record form with purchase, units, escalation, instruction and history', async () => {
    const s = testStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    escalateCase(s.ctx, s.users.secretary, { caseId: c.id, kind: 'duty_supervisor', note: '顾客要求值班主管出面' });
    applyInstruction(s.ctx, {
      instructionId: '01936f5e-0000-7000-8000-000000000001',
      caseId: c.id,
      text: '请尽快退货并致歉',
      reviewerName: '部本部 周经理',
      instructedAt: new Date(s.clock.t).toISOString(),
    });
    await renderSigned(<CaseDetail id={c.id} />);
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    for (const g of GROUPS) expect(headings).toContain(g);
    expect(screen.getByTestId('purchase-items').textContent).toContain('男士皮鞋 · 数量 1 · 编码/条码 6901234567890');
    expect(screen.getByText('R20261120-0042')).toBeTruthy();
    expect(screen.getByText('¥459.00')).toBeTruthy();
    // Units and people by name, never by id.
    expect(screen.getAllByText('鞋部').length).toBeGreaterThanOrEqual(2);
    const esc = document.querySelector('[data-testid^="escalation-"]');
    expect(esc?.textContent).toContain('顾客要求值班主管出面');
    expect(esc?.textContent).toContain('李秘书');
    expect(esc?.textContent).toContain('尚无结果');
    const instruction = document.querySelector('[data-testid^="instruction-"]');
    expect(instruction?.textContent).toContain('部本部 周经理');
    expect(instruction?.textContent).toContain('请尽快退货并致歉');
    const history = await screen.findByTestId('case-history');
    await within(history).findAllByText(/李秘书/);
    expect(history.textContent).toContain('状态: 登记 → 处理中');
    expect(history.textContent).toContain('处理单位: 无 → 鞋部');
  });

  it('keeps a 5,000-character complaint inside a scrolling field and the label column at its width', async () => {
    const s = testStore();
    const long = '顾客反映商品质量问题'.repeat(500);
    expect(long.length).toBe(5000);
    const c = phoneCase(s, { content: long });
    await renderSigned(<CaseDetail id={c.id} />);
    const box = await screen.findByTestId('case-content');
    expect(box.textContent).toBe(long);
    expect(box.style.maxHeight).toBe('18em');
    expect(box.style.overflowY).toBe('auto');
    expect(box.style.whiteSpace).toBe('pre-wrap');
    const row = box.parentElement?.parentElement;
    const label = row?.querySelector<HTMLElement>('[data-label]');
    expect(label?.textContent).toBe('异议内容');
    expect(label?.style.minWidth).toBe(LABEL_WIDTH);
    expect(row?.style.gridTemplateColumns).toBe(`${LABEL_WIDTH} minmax(0, 1fr)`);
  });
});
