// @vitest-environment jsdom
// The manager's list of reasons for 不予受理 on the settings screen, over the real handler map and real
// device settings (conf in the test store's folder): a reason renamed in both languages keeps its code,
// one removed is gone from the list but not from the case that used it, a new one gets a fresh code;
// empty names, repeats and too many reasons are refused in words on their field, and what was typed stays.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { declineCase } from '../../src-main/services/case-acceptance';
import { DEFAULT_DECLINE_REASONS } from '../../src-main/shared/decline-reasons';
import { SettingsStore } from '../../src-main/settings/settings-store';
import { SessionContext } from '../../src-renderer/features/shell/session';
import { SettingsScreen } from '../../src-renderer/features/settings/SettingsScreen';
import { newReasonCode } from '../../src-renderer/features/settings/DeclineReasonSettings';
import { phoneCase } from '../helpers/store';
import { renderSigned, SETTINGS, testStore } from './render';

/** The test store with real device settings behind settings.get/update, as the desktop app has them. */
function withDeviceSettings() {
  const s = testStore();
  const device = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: s.dir });
  s.app.ctx.settingsAccess = { get: () => device.get(), update: (raw) => device.update(raw) };
  return { s, device };
}

const asSession = (s: ReturnType<typeof testStore>) => {
  const m = s.users.manager;
  return { id: m.id, staffNo: m.staffNo, name: m.name, role: m.role, unitId: m.unitId };
};

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
/** Types the whole text at once (key by key re-renders the whole settings form for every character). */
const fill = (label: string, text: string) => fireEvent.change(input(label), { target: { value: text } });
/** A button by its words (role queries walk the whole accessibility tree of this long form: slow in jsdom). */
const button = (name: string): HTMLElement => {
  const b = (screen.queryByLabelText(name) ?? screen.getByText(name)).closest('button');
  if (!b) throw new Error(`no button ${name}`);
  return b;
};
const help = (id: string) => document.getElementById(`${id}-help`)?.textContent;

describe('the reasons for 不予受理 on the settings screen', () => {
  it('renames, removes and adds reasons with stable codes; refuses empty and repeated names on their field', async () => {
    const { s, device } = withDeviceSettings();
    const c = phoneCase(s);
    declineCase(s.ctx, s.users.secretary, {
      caseId: c.id,
      declineReason: 'anonymous_no_contact',
      declineText: '来电未留姓名和电话,无法核实和答复。',
      referTo: '本店服务台',
    });
    const { invoke } = await renderSigned(
      <SessionContext.Provider value={{ user: asSession(s), settings: SETTINGS }}>
        <SettingsScreen />
      </SessionContext.Provider>,
      { signedAs: 'manager' },
    );
    expect(screen.getByText('不予受理原因', { selector: 'h2' })).toBeTruthy();
    expect(input('原因 1(中文)').value).toBe('不属于本店处理范围');
    expect(input('原因 6(英文)').value).toBe('The same matter was already handled and answered');

    fill('原因 1(中文)', '不属于本店经营或服务范围');
    fill('原因 1(英文)', 'Not about goods or services of this branch');
    await userEvent.click(button('删除原因 5'));
    expect(input('原因 5(中文)').value).toBe('同一事项已处理并答复');
    await userEvent.click(button('添加原因'));

    // The new reason left empty: refused on its own field before sending, the renaming kept.
    await userEvent.click(button('保存设置'));
    expect(await screen.findByText('原因(中文):必须填写')).toBeTruthy();
    expect(help('declineReason5zh')).toBe('原因(中文):必须填写');
    expect(help('declineReason5en')).toBe('原因(英文):必须填写');
    expect(invoke.mock.calls.filter(([ch]) => ch === 'settings.update')).toHaveLength(0);
    expect(input('原因 1(中文)').value).toBe('不属于本店经营或服务范围');

    // The same words as another reason: refused naming the reason it repeats.
    fill('原因 6(中文)', '不属于消费者权益争议');
    fill('原因 6(英文)', 'Beyond the time limit for complaints');
    await userEvent.click(button('保存设置'));
    await waitFor(() => expect(help('declineReason5zh')).toBe('原因(中文):与第 2 个原因重复'));
    expect(input('原因 6(中文)').value).toBe('不属于消费者权益争议');
    expect(invoke.mock.calls.filter(([ch]) => ch === 'settings.update')).toHaveLength(0);

    fill('原因 6(中文)', '超过投诉时限');
    await userEvent.click(button('保存设置'));
    await waitFor(() => expect(device.get().declineReasons).toHaveLength(6));
    const saved = device.get().declineReasons;
    expect(saved.slice(0, 5).map((r) => r.code)).toEqual([
      'not_this_branch',
      'not_consumer_dispute',
      'handled_elsewhere',
      'no_facts_or_claim',
      'repeat_already_answered',
    ]);
    expect(saved[0]).toEqual({
      code: 'not_this_branch',
      zh: '不属于本店经营或服务范围',
      en: 'Not about goods or services of this branch',
    });
    expect(saved[5]).toMatchObject({ zh: '超过投诉时限', en: 'Beyond the time limit for complaints' });
    expect(saved[5]?.code).toMatch(/^added_[a-z0-9]+$/);
    expect(await screen.findByText('设置已保存')).toBeTruthy();

    // The case declined for the removed reason still says why, in the words chosen then.
    const shown = await dispatch(s.ctx, { user: asSession(s) }, 'cases.get', { caseId: c.id }, () => {});
    expect(shown).toMatchObject({
      ok: true,
      value: { declineReasonCode: 'anonymous_no_contact', declineReasonZh: '匿名且无联系方式,无法答复' },
    });
  });

  it('main refuses a list with repeated codes, empty words or too many reasons, naming the field; nothing changes', async () => {
    const { s, device } = withDeviceSettings();
    const session = { user: asSession(s) };
    const update = (declineReasons: unknown) =>
      dispatch(s.ctx, session, 'settings.update', { declineReasons }, () => {});
    const before = device.get().declineReasons;

    const twice = await update([...DEFAULT_DECLINE_REASONS, { code: 'not_this_branch', zh: '另一个', en: 'Another' }]);
    expect(twice).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: { zh: '原因代码:与第 1 个原因重复' },
        issues: [
          {
            field: 'declineReasons.6.code',
            message: { zh: '原因代码:与第 1 个原因重复', en: 'Reason code repeats reason 1' },
          },
        ],
      },
    });
    const empty = await update([{ code: 'not_this_branch', zh: '  ', en: 'Not ours' }]);
    expect(empty).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'declineReasons.0.zh', message: { zh: '原因(中文):必须填写' } }] },
    });
    const many = Array.from({ length: 31 }, (_, i) => ({ code: `r_${i}`, zh: `原因${i}`, en: `Reason ${i}` }));
    expect(await update(many)).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'declineReasons', message: { zh: '不予受理原因列表:不能超过 30 项' } }] },
    });
    expect(await update([])).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'declineReasons', message: { zh: '不予受理原因列表:至少 1 项' } }] },
    });
    const badCode = await update([{ code: 'Not Ours', zh: '不属于本店', en: 'Not ours' }]);
    expect(badCode).toMatchObject({ ok: false, error: { issues: [{ field: 'declineReasons.0.code' }] } });
    expect(device.get().declineReasons).toEqual(before);
    // A clerk may not change the list at all.
    const clerk = s.users.clerk;
    expect(
      await dispatch(
        s.ctx,
        { user: { id: clerk.id, staffNo: clerk.staffNo, name: clerk.name, role: clerk.role, unitId: clerk.unitId } },
        'settings.update',
        { declineReasons: [{ code: 'x_y', zh: '任意', en: 'Any' }] },
        () => {},
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a new reason gets a code no reason in the list has', () => {
    const list = [{ code: newReasonCode([], 1_000), zh: '甲', en: 'A' }];
    expect(list[0]?.code).toBe(`added_${(1_000).toString(36)}`);
    expect(newReasonCode(list, 1_000)).toBe(`added_${(1_001).toString(36)}`);
  });
});
