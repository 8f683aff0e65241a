// The manager's per-staff and per-unit view (人员与单位考核, issue 18 §1, seed 001 monthly appraisal): founded
// and partly founded complaints against each member of staff and unit, and their corrective actions by state,
// over a period of local dates (this month by default). Shown on the reports screen to the manager only.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src-main/domain/permissions';
import type { CapaAccountRow } from '../../../src-main/shared/corrective-action-types';
import { DayPicker } from '../../components/CalendarPickers';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { localDate } from '../../lib/format';
import { useSession } from '../shell/session';

function AccountsTable({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['capaAccounts', from, to], queryFn: () => call('capa.accounts', { from, to }) });
  if (q.error) {
    return (
      <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')} />
    );
  }
  const num = (k: keyof CapaAccountRow) => ({
    title: t(`capa.acol.${k}`),
    dataIndex: k,
    align: 'right' as const,
    width: 90,
  });
  return (
    <Table<CapaAccountRow>
      size="small"
      rowKey={(r) => `${r.kind}:${r.key}`}
      loading={q.isPending}
      dataSource={q.data ?? []}
      pagination={false}
      locale={{ emptyText: t('capa.accountsEmpty') }}
      columns={[
        { title: t('capa.acol.kind'), dataIndex: 'kind', render: (k: CapaAccountRow['kind']) => t(`capa.kind.${k}`) },
        { title: t('capa.acol.name'), dataIndex: 'name' },
        {
          title: t('capa.acol.key'),
          dataIndex: 'key',
          render: (key: string, r) => (r.kind === 'staff' ? key : ''),
        },
        num('founded'),
        num('partlyFounded'),
        num('open'),
        num('done'),
        num('confirmed'),
        {
          ...num('overdue'),
          render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
        },
      ]}
    />
  );
}

export function CapaAccounts() {
  const { t } = useTranslation();
  const { user, settings } = useSession();
  const today = localDate(Date.now(), settings.timeZone);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  if (!can(user.role, 'capa_accounts')) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="capa-accounts"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('capa.accountsTab')}</h2>}
    >
      <Typography.Paragraph type="secondary">{t('capa.accountsNote')}</Typography.Paragraph>
      <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()} style={{ marginBottom: 8 }}>
        <Form.Item label={t('capa.from')} htmlFor="capa-from">
          <DayPicker id="capa-from" value={from} max={to || undefined} onChange={setFrom} width={150} />
        </Form.Item>
        <Form.Item label={t('capa.to')} htmlFor="capa-to">
          <DayPicker id="capa-to" value={to} min={from || undefined} onChange={setTo} width={150} />
        </Form.Item>
        <Space>
          <Button onClick={() => setShown({ from, to })} disabled={!from || !to}>
            {t('capa.show')}
          </Button>
        </Space>
      </Form>
      {shown && <AccountsTable from={shown.from} to={shown.to} />}
    </Card>
  );
}
