// Staff accounts: who may sign in, with which role, locked or due a PIN change; the manager
// resets a PIN or unlocks an account here. Accounts are never deleted (their names stay on
// the records they wrote); leaving staff are deactivated.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../src-main/shared/enums';
import type { StaffListUser } from '../../../src-main/shared/schemas/admin';
import type { SessionUser } from '../../../src-main/shared/types';
import { Field } from '../../components/Field';
import { PinField } from '../../components/PinField';
import { pick } from '../../i18n';
import { call, invoke } from '../../lib/api';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { CreateSection } from './CreateSection';
import { ResetPinDialog } from './ResetPinDialog';
import { useSession, useUnits } from '../shell/session';

const EMPTY = { staffNo: '', name: '', role: 'clerk', unitId: '', pin: '' };

export function UsersTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const qc = useQueryClient();
  const units = useUnits();
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('users.accounts', {}) });
  const [resetting, setResetting] = useState<StaffListUser | null>(null);
  const [v, setV] = useState(EMPTY);
  const { issues, error, busy, send } = useCheckedSubmit();
  const set = (k: keyof typeof EMPTY, x: string) => setV((p) => ({ ...p, [k]: x }));
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? t('common.none');

  const create = async () => {
    const input = {
      staffNo: v.staffNo,
      name: v.name,
      role: v.role as SessionUser['role'],
      pin: v.pin,
      ...(v.unitId ? { unitId: v.unitId } : {}),
    };
    const made = await send('users.create', input);
    if (!made) return;
    setV(EMPTY);
    void qc.invalidateQueries({ queryKey: ['users'] });
    void message.success(t('admin.userCreated', { name: made.name }));
  };

  const setActive = async (userId: string, active: boolean) => {
    const r = await invoke('users.setActive', { userId, active });
    if (!r.ok) return void message.error(pick(r.error.message));
    void qc.invalidateQueries({ queryKey: ['users'] });
  };

  const unlock = async (u: StaffListUser) => {
    const r = await invoke('users.unlock', { userId: u.id });
    if (!r.ok) void message.error(pick(r.error.message));
    else void message.success(t('staff.unlocked', { name: u.name }));
    void qc.invalidateQueries({ queryKey: ['users'] });
  };

  const resetDone = (u: StaffListUser) => {
    setResetting(null);
    void message.success(t('staff.resetDone', { name: u.name }));
    void qc.invalidateQueries({ queryKey: ['users'] });
  };

  return (
    <>
      <Table
        size="small"
        rowKey="id"
        loading={users.isPending}
        pagination={false}
        dataSource={users.data ?? []}
        columns={[
          { title: t('admin.staffNo'), dataIndex: 'staffNo' },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          { title: t('admin.unit'), dataIndex: 'unitId', render: (u: string | null) => unitName(u) },
          {
            title: t('admin.active'),
            dataIndex: 'active',
            render: (active: boolean, u: StaffListUser) => (
              <Switch
                aria-label={t('admin.activeFor', { name: u.name })}
                checked={active}
                disabled={u.id === me.id}
                onChange={(x) => void setActive(u.id, x)}
              />
            ),
          },
          {
            title: t('staff.state'),
            key: 'state',
            render: (_: unknown, u: StaffListUser) => (
              <Space size={4} wrap>
                {u.locked && <Tag color="red">{t('staff.locked')}</Tag>}
                {u.mustChangePin && <Tag color="magenta">{t('staff.mustChangeTag')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('staff.actions'),
            key: 'actions',
            render: (_: unknown, u: StaffListUser) => (
              <Space size={4} wrap>
                {u.id !== me.id && (
                  <Button
                    size="small"
                    aria-label={t('staff.resetPinFor', { name: u.name, staffNo: u.staffNo })}
                    onClick={() => setResetting(u)}
                  >
                    {t('staff.resetPin')}
                  </Button>
                )}
                {u.locked && (
                  <Button
                    size="small"
                    aria-label={t('staff.unlockFor', { name: u.name, staffNo: u.staffNo })}
                    onClick={() => void unlock(u)}
                  >
                    {t('staff.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {resetting && <ResetPinDialog user={resetting} onClose={() => setResetting(null)} onDone={resetDone} />}
      <CreateSection
        title={t('admin.newUser')}
        submitLabel={t('admin.create')}
        error={error}
        busy={busy}
        onSubmit={() => void create()}
      >
        <Field id="newStaffNo" path="staffNo" label={t('admin.staffNo')} issues={issues} required>
          <Input id="newStaffNo" value={v.staffNo} onChange={(e) => set('staffNo', e.target.value)} />
        </Field>
        <Field id="newName" path="name" label={t('admin.name')} issues={issues} required>
          <Input id="newName" value={v.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field id="newRole" path="role" label={t('admin.role')} issues={issues} required>
          <Select
            id="newRole"
            value={v.role}
            onChange={(x: string) => set('role', x)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Field>
        <Field id="newUnit" path="unitId" label={t('admin.unit')} issues={issues} required={v.role === 'unit_staff'}>
          <Select
            id="newUnit"
            allowClear
            value={v.unitId || undefined}
            onChange={(x?: string) => set('unitId', x ?? '')}
            options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Field>
        <PinField
          id="newPin"
          path="pin"
          label={t('admin.pin')}
          issues={issues}
          value={v.pin}
          onChange={(pin) => set('pin', pin)}
        />
      </CreateSection>
    </>
  );
}
