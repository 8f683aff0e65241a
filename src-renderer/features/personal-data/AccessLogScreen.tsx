// The manager's 个人信息访问记录 (issue 20 §1): who saw, printed or exported personal data, when, what
// and why, newest first, filtered by day range (the branch's days), person and action.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Typography } from 'antd';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_ACTIONS, type AccessAction, type AccessLogRow } from '../../../src-main/shared/access-log-types';
import { DayPicker } from '../../components/CalendarPickers';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

/** A branch day's start as UTC ms (the filter's bounds); undefined when no day is picked. */
const dayStart = (day: string, zone: string, plusDays = 0): number | undefined =>
  day ? DateTime.fromISO(day, { zone }).startOf('day').plus({ days: plusDays }).toMillis() : undefined;

export function AccessLogScreen() {
  const { t, i18n } = useTranslation();
  const { user, settings } = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [userId, setUserId] = useState<string | undefined>();
  const [action, setAction] = useState<AccessAction | undefined>();
  const manager = user.role === 'manager';
  const input = {
    ...(from ? { from: dayStart(from, settings.timeZone) } : {}),
    ...(to ? { to: dayStart(to, settings.timeZone, 1) } : {}),
    ...(userId ? { userId } : {}),
    ...(action ? { action } : {}),
  };
  const log = useQuery({
    queryKey: ['personalData.accessLog', input],
    queryFn: () => call('personalData.accessLog', input),
    enabled: manager,
  });
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => call('users.list', {}), enabled: manager });
  if (!manager) return <Alert type="info" showIcon message={t('settings.managerOnly')} />;
  const label = (group: 'fieldLabel', k: string) => {
    const key = `pii.${group}.${k}`;
    return i18n.exists(key) ? t(key) : k;
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {t('pii.logTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pii.logIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} align="end">
        <label htmlFor="accessFrom">
          {t('pii.from')}
          <DayPicker id="accessFrom" value={from} onChange={setFrom} />
        </label>
        <label htmlFor="accessTo">
          {t('pii.to')}
          <DayPicker id="accessTo" value={to} onChange={setTo} />
        </label>
        <label>
          {t('pii.user')}
          <Select
            aria-label={t('pii.user')}
            allowClear
            placeholder={t('pii.all')}
            style={{ width: 180, display: 'block' }}
            value={userId}
            onChange={(v: string | undefined) => setUserId(v)}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.staffNo})` }))}
          />
        </label>
        <label>
          {t('pii.action')}
          <Select
            aria-label={t('pii.action')}
            allowClear
            placeholder={t('pii.all')}
            style={{ width: 180, display: 'block' }}
            value={action}
            onChange={(v: AccessAction | undefined) => setAction(v)}
            options={ACCESS_ACTIONS.map((a) => ({ value: a, label: t(`pii.actionLabel.${a}`) }))}
          />
        </label>
      </Space>
      <Table<AccessLogRow>
        data-testid="access-log"
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data ?? []}
        locale={{ emptyText: t('pii.none') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('pii.when'), render: (_, r) => formatTime(r.at, settings.timeZone, i18n.language) },
          { title: t('pii.who'), render: (_, r) => `${r.userName}${r.userStaffNo ? ` (${r.userStaffNo})` : ''}` },
          { title: t('pii.action'), render: (_, r) => t(`pii.actionLabel.${r.action}`) },
          {
            title: t('pii.what'),
            render: (_, r) =>
              r.entityType === 'case' ? (
                <a href={`#/case/${r.entityId}`}>{t('pii.entityLabel.case')}</a>
              ) : r.entityType === 'slip' ? (
                <a href={`#/slip/${r.entityId}`}>{t('pii.entityLabel.slip')}</a>
              ) : (
                `${t(`pii.entityLabel.${r.entityType}`)} ${r.entityId}`
              ),
          },
          { title: t('pii.fields'), render: (_, r) => r.fields.map((f) => label('fieldLabel', f)).join('、') },
          { title: t('pii.why'), render: (_, r) => r.reason ?? t('common.none') },
        ]}
      />
    </Card>
  );
}
