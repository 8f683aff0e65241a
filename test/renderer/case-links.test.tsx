// @vitest-environment jsdom
// Cases of one matter on screen (issue 22) over the real handler map and a temp store: the case's section
// 同一事项 with the suggestions and why, the link dialog, the merge dialog (what moves, the different-customer
// confirmation refused by main until ticked), the merged duplicate's banner and the primary showing the
// duplicate's records and the 12315 deadline, the undo with its reason; a clerk's blocked actions with why;
// the intake notice 可能是同一事项 as the clerk types.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src-main/shared/summary-types';
import { addNote } from '../../src-main/services/case-details';
import { linkCases, mergeCases } from '../../src-main/services/case-links';
import { createCase } from '../../src-main/services/case-intake';
import { computeSummary } from '../../src-main/services/reports';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { useSummaryLabels } from '../../src-renderer/features/reports/summary-labels';
import { SummaryView } from '../../src-renderer/features/reports/SummaryView';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { phoneCase, type TestStore } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

/** The same customer's 12315 complaint, forwarded after she called (another number: her other phone). */
const govCase = (s: TestStore, phone = '138 0013 8000', name = '张三') =>
  createCase(s.ctx, s.users.secretary, {
    channel: 'government',
    government: { body: '12315', bodyName: '浦东新区市场监管局', referenceNo: 'PD12315-2026-0501' },
    customer: { name, phone },
    content: '顾客经 12315 投诉:皮鞋穿了两天就开胶,门店未处理,要求退货。',
    categoryCode: 'product_quality',
    complainedUnitId: s.units.shoes,
    purchase: { items: [{ name: '男士皮鞋', code: '6901234567890' }], receiptNo: 'R20261120-0042' },
  });

/** The section on screen (waits for the case to load). */
const section = () => {
  const el = document.querySelector<HTMLElement>('[data-group="matter"]');
  if (!el) throw new Error('the section 同一事项 is not on screen');
  return el;
};
const sectionShown = () => screen.findByRole('heading', { name: '同一事项' });
const dialog = () => screen.getByRole('dialog');
const ok = () => within(dialog()).getByRole('button', { name: /确\s?定/ });

describe('the case section 同一事项', () => {
  it('shows a clerk the suggestion with why, and link and merge blocked with the reason', async () => {
    const s = testStore();
    const phone = phoneCase(s);
    const gov = govCase(s);
    await renderSigned(<CaseDetail id={phone.id} />);
    await sectionShown();
    expect(section().textContent).toContain('本案尚未与其他个案关联');
    const line = await within(section()).findByText(`个案 ${gov.number}`);
    const li = line.closest('li') as HTMLElement;
    expect(li.textContent).toContain('政府职能部门');
    expect(li.textContent).toMatch(/依据:电话、.*小票号/);
    expect(within(li).queryByRole('button')).toBeNull();
    const blocked = within(section()).getByTestId('link-blocked');
    expect(blocked.querySelector('[data-blocked-reason="link"]')?.textContent).toBe(
      '您的角色无权关联个案(须秘书室或以上)',
    );
    expect(blocked.querySelector('[data-blocked-reason="merge"]')?.textContent).toBe(
      '您的角色无权合并个案(须秘书室或以上)',
    );
    expect(blocked.querySelector('[data-blocked-reason="unlink"]')).toBeNull();
  });

  it('tells a clerk nothing about roles on a case with nothing to link', async () => {
    const s = testStore();
    const alone = phoneCase(s);
    await renderSigned(<CaseDetail id={alone.id} />);
    await sectionShown();
    await within(section()).findByText('未发现可能相同的个案');
    expect(within(section()).queryByTestId('link-blocked')).toBeNull();
    expect(within(section()).queryAllByRole('button')).toHaveLength(0);
  });

  it('links a suggested case through the dialog; both keep their numbers, statuses and deadlines', async () => {
    const s = testStore();
    const phone = phoneCase(s);
    const gov = govCase(s);
    const { invoke } = await renderSigned(<CaseDetail id={phone.id} />, { signedAs: 'secretary' });
    await sectionShown();
    const line = (await within(section()).findByText(`个案 ${gov.number}`)).closest('li') as HTMLElement;
    await userEvent.click(within(line).getByRole('button', { name: /^关\s?联$/ }));
    expect(within(dialog()).getByTestId('link-self').textContent).toBe(`个案 ${phone.number}`);
    expect(within(dialog()).getByRole('checkbox', { name: `个案 ${gov.number}` })).toHaveProperty('checked', true);
    await userEvent.type(within(dialog()).getByLabelText('备注'), '同一双皮鞋,先来电后经 12315 转办');
    await userEvent.click(ok());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(invoke).toHaveBeenCalledWith('cases.link', {
      caseIds: [phone.id, gov.id],
      note: '同一双皮鞋,先来电后经 12315 转办',
    });
    const linked = await within(section()).findByTestId('linked-case');
    expect(linked.textContent).toContain(gov.number);
    expect(linked.textContent).toContain('12315');
    expect(linked.textContent).toMatch(/期限 \d{4}\/\d{2}\/\d{2}/);
    expect(within(section()).getByRole('button', { name: '取消关联' })).toBeTruthy();
    // The timeline names the event and the cases in words, with the note as typed.
    const event = await screen.findByText(/^关联为同一事项:.*、/, { selector: 'strong' });
    expect(event.textContent).toContain(gov.number);
    expect(event.parentElement?.textContent).toContain('同一双皮鞋,先来电后经 12315 转办');
    // Already in the matter: the suggestion says so and offers no second link.
    const again = (await within(section()).findByText('(已在本事项中)')).closest('li') as HTMLElement;
    expect(within(again).queryByRole('button', { name: /^关\s?联$/ })).toBeNull();
  });

  it('merges the 12315 case into the phone case: what moves, the confirmation main asks for, the pointer', async () => {
    const s = testStore();
    const phone = phoneCase(s);
    // Another phone and name on the 12315 case: main asks to confirm it is one matter.
    const gov = govCase(s, '139 0000 2222', '张三丰');
    linkCases(s.ctx, s.users.secretary, { caseIds: [phone.id, gov.id] });
    addNote(s.ctx, s.users.secretary, { caseId: gov.id, text: '12315 来电催促,要求三日内答复' });
    const { invoke } = await renderSigned(<CaseDetail id={phone.id} />, { signedAs: 'secretary' });
    await sectionShown();
    await userEvent.click(await within(section()).findByRole('button', { name: '合并为重复' }));
    const d = dialog();
    await userEvent.click(await within(d).findByRole('radio', { name: gov.number }));
    // This case stays the primary: the 12315 case is the duplicate and its deadline moves here.
    await within(d).findByRole('radio', { name: new RegExp(`^${phone.number}`) });
    const moves = within(d).getByTestId('merge-moves');
    expect(moves.textContent).toContain(`${gov.number} 以“重复”建档,指向 ${phone.number}`);
    expect(within(d).getByTestId('merge-moves-due').textContent).toMatch(/12315的处理期限 .* 转至/);
    expect(within(d).getByTestId('merge-different-customer').textContent).toContain('张三丰');
    // The reason is required: the schema refuses before main is asked.
    await userEvent.click(ok());
    expect(await within(d).findByText(/合并原因/)).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('cases.merge', expect.anything());
    await userEvent.type(within(d).getByLabelText('合并原因'), '同一顾客同一双皮鞋,经 12315 再次投诉');
    // Not ticked: main refuses on the confirmation's field, in words; the reason typed stays.
    await userEvent.click(ok());
    const refusal = '两个个案的顾客电话或姓名不同:确认是同一事项后才能合并';
    // In the banner and under the confirmation it names.
    await within(d).findByText(refusal, { selector: '.ant-form-item-explain-error' });
    expect(d.querySelector('.ant-alert-error')?.textContent).toContain(refusal);
    expect(within(d).getByLabelText<HTMLTextAreaElement>('合并原因').value).toBe(
      '同一顾客同一双皮鞋,经 12315 再次投诉',
    );
    await userEvent.click(within(d).getByRole('checkbox', { name: '我已核实:虽顾客信息不同,但属同一事项' }));
    await userEvent.click(ok());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The primary: the duplicate's note marked 来自, the 12315 deadline at the top and in the section.
    const from = await screen.findByTestId('merged-from');
    expect(from.textContent).toContain(gov.number);
    expect(within(from).getByTestId('merged-note').textContent).toContain(`来自 ${gov.number}`);
    expect(within(from).getByTestId('merged-note').textContent).toContain('12315 来电催促');
    expect(within(from).getByTestId('merged-from-due').textContent).toContain(`随 ${gov.number} 转至本案`);
    expect(screen.getByTestId('carried-deadline').textContent).toContain(`来自 ${gov.number}`);
    expect(within(section()).getByTestId('linked-case').textContent).toContain(`已合并至 ${phone.number}`);
  });

  it("words the duplicate's history: the merge's fields by name, never an id", async () => {
    const s = testStore();
    const phone = phoneCase(s);
    const gov = govCase(s);
    linkCases(s.ctx, s.users.secretary, { caseIds: [phone.id, gov.id] });
    mergeCases(s.ctx, s.users.secretary, { duplicateId: gov.id, primaryId: phone.id, reason: '重复登记' });
    await renderSigned(<CaseDetail id={gov.id} />, { signedAs: 'secretary' });
    const history = await screen.findByTestId('case-history');
    await waitFor(() => expect(history.textContent).toContain(`并入个案: 无 → ${phone.number}`));
    expect(history.textContent).toContain('合并原因: 无 → 重复登记');
    expect(history.textContent).toContain('合并人: 无 → 李秘书');
    expect(history.textContent).not.toMatch(/matterId|mergedInto|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('shows the duplicate where it went; the secretary may not undo, a supervisor undoes with a reason', async () => {
    const s = testStore();
    const phone = phoneCase(s);
    const gov = govCase(s);
    mergeCases(s.ctx, s.users.secretary, { duplicateId: gov.id, primaryId: phone.id, reason: '同一事项,重复登记' });
    const first = await renderSigned(<CaseDetail id={gov.id} />, { signedAs: 'secretary' });
    const banner = await screen.findByTestId('merged-banner');
    expect(banner.textContent).toContain(`已合并至${phone.number}`);
    expect(within(banner).getByRole('link', { name: phone.number }).getAttribute('href')).toBe(`#/case/${phone.id}`);
    expect(banner.textContent).toContain('同一事项,重复登记');
    const blocked = within(section()).getByTestId('link-blocked');
    expect(blocked.querySelector('[data-blocked-reason="undo_merge"]')?.textContent).toBe(
      '只有值班主管或店长可以撤销合并',
    );
    expect(blocked.querySelector('[data-blocked-reason="merge"]')?.textContent).toContain('请先撤销合并');
    first.unmount();

    const { invoke } = await renderSigned(<CaseDetail id={gov.id} />, { signedAs: 'supervisor' });
    await sectionShown();
    await userEvent.click(await within(section()).findByRole('button', { name: '撤销合并' }));
    const d = dialog();
    expect(within(d).getByTestId('link-dialog-intro').textContent).toContain(gov.number);
    await userEvent.type(within(d).getByLabelText('撤销原因'), '错');
    await userEvent.click(ok());
    // One character: refused on its field before main is asked.
    await within(d).findByText(/撤销原因|至少/, { selector: '.ant-form-item-explain-error' });
    expect(invoke).not.toHaveBeenCalledWith('cases.undoMerge', expect.anything());
    fireEvent.change(within(d).getByLabelText('撤销原因'), { target: { value: '顾客确认是两件不同的事' } });
    await userEvent.click(ok());
    await waitFor(() => expect(screen.queryByTestId('merged-banner')).toBeNull());
    expect(invoke).toHaveBeenCalledWith('cases.undoMerge', { duplicateId: gov.id, reason: '顾客确认是两件不同的事' });
  });
});

describe('the intake notice 可能是同一事项', () => {
  it('lists the cases likely of the same matter as the phone and the content are typed, each with why', async () => {
    const { store } = await renderSigned(<IntakeForm channel="phone" />);
    const zhang = phoneCase(store);
    expect(screen.queryByTestId('matter-notice')).toBeNull();
    await userEvent.type(screen.getByLabelText('联系电话'), '13800138000');
    const notice = await screen.findByTestId('matter-notice', {}, { timeout: 3000 });
    const line = within(notice).getByRole('link', { name: `个案 ${zhang.number}` });
    expect(line.getAttribute('href')).toBe(`#/case/${zhang.id}`);
    expect(line.closest('li')?.textContent).toContain('依据:电话');
    expect(notice.textContent).toContain('保存后,秘书室、值班主管或店长可在个案页面');
    await userEvent.type(screen.getByLabelText('小票号'), 'R20261120-0042');
    await waitFor(() => expect(within(notice).getByTestId('matter-suggestion').textContent).toContain('电话、小票号'));
    await userEvent.clear(screen.getByLabelText('联系电话'));
    await userEvent.clear(screen.getByLabelText('小票号'));
    await waitFor(() => expect(screen.queryByTestId('matter-notice')).toBeNull());
  });
});

describe('the summary', () => {
  // jsdom has no canvas; echarts then measures text by its own estimate (the SVG renderer draws no canvas).
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

  function Shown({ summary }: { summary: Summary }) {
    return <SummaryView summary={summary} labels={useSummaryLabels()} timeZone="Asia/Shanghai" />;
  }

  it('says "3 起个案,2 个事项" for three cases, two of them linked; nothing for a summary without matters', async () => {
    const s = testStore();
    const [a, b] = [phoneCase(s), govCase(s)];
    phoneCase(s, { customer: { name: '冯女士', phone: '139 0000 1111' } });
    linkCases(s.ctx, s.users.secretary, { caseIds: [a.id, b.id] });
    const date = new Date(s.clock.t).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const { summary } = computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date });
    const { matters: _m, ...older } = summary;
    await renderSigned(
      <>
        <div data-testid="now">
          <Shown summary={summary} />
        </div>
        <div data-testid="older">
          <Shown summary={older} />
        </div>
      </>,
    );
    expect(within(screen.getByTestId('now')).getByTestId('summary-matters').textContent).toContain('3 起个案,2 个事项');
    expect(within(screen.getByTestId('older')).queryByTestId('summary-matters')).toBeNull();
  });
});
