// @vitest-environment jsdom
// The manager's staff list (locked / must-change-PIN, reset and unlock), the settings' maximum
// amount typed in yuan, and the intake counters. The test session is the clerk's, so the
// manager's channels are answered by the real services acting as the store's manager.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { resetPin, unlockUser } from '../../src-main/services/pin-admin';
import { listUsers, signIn } from '../../src-main/services/users';
import type { PublicSettings } from '../../src-main/shared/ipc/contract';
import { UsersTab } from '../../src-renderer/features/admin/UsersTab';
import { IntakeForm } from '../../src-renderer/features/intake/IntakeForm';
import { SettingsScreen } from '../../src-renderer/features/settings/SettingsScreen';
import { SessionContext } from '../../src-renderer/features/shell/session';
import { REFERENCE_ONLY, renderSigned, resetDrafts, SETTINGS, testStore } from './render';

afterEach(() => {
  cleanup();
  resetDrafts();
});

const asManager = () => {
  const m = testStore().users.manager;
  return { id: m.id, staffNo: m.staffNo, name: m.name, role: m.role, unitId: m.unitId };
};

/** C001 locked by wrong PINs, as signIn leaves it (set directly: five PIN hashes are slow). */
const lockClerk = () => {
  const s = testStore();
  s.db
    .prepare('UPDATE users SET failed_attempts = 5, locked_until = ? WHERE staff_no = ?')
    .run(s.ctx.now() + 10 * 60_000, 'C001');
};

const managerChannels = {
  'users.accounts': () => ({ ok: true as const, value: listUsers(testStore().ctx) }),
  'users.resetPin': (input: { userId: string; temporaryPin: string }) => {
    resetPin(testStore().ctx, testStore().users.manager, input);
    return { ok: true as const, value: null };
  },
  'users.unlock': (input: { userId: string }) => {
    unlockUser(testStore().ctx, testStore().users.manager, input);
    return { ok: true as const, value: null };
  },
};

describe('the staff list', () => {
  it('shows a locked account, unlocks it, and resets a PIN that must be changed at next sign-in', async () => {
    lockClerk();
    await renderSigned(
      <SessionContext.Provider value={{ user: asManager(), settings: SETTINGS }}>
        <UsersTab />
      </SessionContext.Provider>,
      { canned: managerChannels },
    );
    const clerkRow = () => screen.getByRole('cell', { name: 'C001' }).closest('tr') ?? document.body;
    await waitFor(() => expect(within(clerkRow()).getByText('已锁定')).toBeTruthy(), { timeout: 5000 });
    // No reset of one's own PIN here (the header has it).
    const ownRow = screen.getByRole('cell', { name: 'M001' }).closest('tr') ?? document.body;
    expect(within(ownRow).queryByRole('button', { name: /^重置 PIN/ })).toBeNull();

    await userEvent.click(within(clerkRow()).getByRole('button', { name: /^解锁/ }));
    await waitFor(() => expect(within(clerkRow()).queryByText('已锁定')).toBeNull());
    expect(within(clerkRow()).queryByRole('button', { name: /^解锁/ })).toBeNull();

    await userEvent.click(within(clerkRow()).getByRole('button', { name: /^重置 PIN/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/下次登录时必须先修改 PIN/)).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText(/临时 PIN/), '12');
    await userEvent.click(within(dialog).getByRole('button', { name: /重\s?置 PIN/ }));
    expect(await within(dialog).findByText(/须为 6–8 位数字/)).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText(/临时 PIN/), '4680');
    expect(within(dialog).queryByText(/须为 6–8 位数字/)).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: /重\s?置 PIN/ }));
    await waitFor(() => expect(within(clerkRow()).getByText('须改 PIN')).toBeTruthy());
    expect(signIn(testStore().ctx, { staffNo: 'C001', pin: '124680' }).staffNo).toBe('C001');
    expect(listUsers(testStore().ctx).find((u) => u.staffNo === 'C001')?.mustChangePin).toBe(true);
  });

  it("shows main's refusal of an unlock in words", async () => {
    await renderSigned(
      <SessionContext.Provider value={{ user: asManager(), settings: SETTINGS }}>
        <UsersTab />
      </SessionContext.Provider>,
      {
        canned: {
          ...managerChannels,
          'users.accounts': () => ({
            ok: true as const,
            value: listUsers(testStore().ctx).map((u) => ({ ...u, locked: u.staffNo === 'C001' })),
          }),
        },
      },
    );
    const clerkRow = () => screen.getByRole('cell', { name: 'C001' }).closest('tr') ?? document.body;
    await screen.findByRole('cell', { name: 'C001' }, { timeout: 5000 });
    await userEvent.click(await within(clerkRow()).findByRole('button', { name: /^解锁/ }));
    expect(await screen.findByText(/的账号未被锁定/)).toBeTruthy();
  });
});

describe('the settings screen', () => {
  it('takes the maximum amount in yuan as typed, refuses abc on the field, and sends fen', async () => {
    let sent: Partial<PublicSettings> | null = null;
    const { invoke } = await renderSigned(
      <SessionContext.Provider value={{ user: asManager(), settings: SETTINGS }}>
        <SettingsScreen />
      </SessionContext.Provider>,
      {
        canned: {
          'settings.update': (input) => {
            sent = input;
            return { ok: true as const, value: { ...SETTINGS, ...input } };
          },
        },
      },
    );
    const max = screen.getByLabelText('每个金额字段的上限(元)');
    expect((max as HTMLInputElement).value).toBe('1,000,000');
    await userEvent.clear(max);
    await userEvent.type(max, 'abc');
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('请输入金额,如 1200 或 1200.50')).toBeTruthy();
    expect(invoke.mock.calls.filter(([c]) => c === 'settings.update')).toHaveLength(0);
    expect((max as HTMLInputElement).value).toBe('abc');

    await userEvent.clear(max);
    await userEvent.type(max, '５０,０００');
    await userEvent.click(screen.getByRole('switch', { name: '被投诉单位人员可查看所有单位的个案' }));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toMatchObject({ maxAmountFen: 50_000_00, unitStaffSeeAllUnits: true });
    await waitFor(() => expect((max as HTMLInputElement).value).toBe('50,000'));
  });
});

describe('the intake counters', () => {
  it("shows the content's and the expected resolution's length against the schema's limit", async () => {
    await renderSigned(<IntakeForm channel="phone" />, { only: REFERENCE_ONLY });
    expect(screen.getByText('0 / 5000')).toBeTruthy();
    expect(screen.getByText('0 / 1000')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('异议内容(顾客原话)'), '开胶');
    expect(screen.getByText('2 / 5000')).toBeTruthy();
  });
});
