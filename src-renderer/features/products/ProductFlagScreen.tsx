// One flagged item (issue 18 §2): its cases this user may open, and for the secretary office,
// duty supervisors and the manager the customers who complained about it (主动访谈), with one
// action that schedules a follow-up task for each; main answers which could not be scheduled and why.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemCallsResult } from '../../../src-main/shared/product-types';
import { DayPicker } from '../../components/CalendarPickers';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { call, invoke } from '../../lib/api';
import { formatTime, localDate } from '../../lib/format';
import { type IssueMap, toIssueMap } from '../../lib/issues';
import { navigate } from '../../lib/router';
import { productFlagsKey } from '../home/HomeProductFlags';
import { useSession } from '../shell/session';

const CALLERS = ['secretary', 'supervisor', 'manager'];

export function ProductFlagScreen({ itemKey }: { itemKey: string }) {
  const { t, i18n } = useTranslation();
  const { user, settings } = useSession();
  const flags = useQuery({ queryKey: productFlagsKey, queryFn: () => call('products.flags', {}) });
  const item = flags.data?.items.find((i) => i.key === itemKey);
  const time = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  if (flags.isLoading) return null;
  if (!item)
    return (
      <Alert
        type="info"
        showIcon
        message={t('products.notFlagged')}
        action={<Button onClick={() => navigate('/')}>{t('products.back')}</Button>}
      />
    );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('products.screenTitle', { name: item.name })}
      </Typography.Title>
      <Typography.Paragraph>
        {t('products.key')}: {item.label} · {t('products.cases', { n: item.cases })} ·{' '}
        {t('products.homeHint', { n: flags.data?.minCases, days: flags.data?.days })}
      </Typography.Paragraph>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('products.caseList')}</h2>}
        style={{ marginBottom: 12 }}
      >
        <Table
          size="small"
          pagination={false}
          rowKey="caseId"
          dataSource={item.caseList}
          columns={[
            {
              title: t('products.number'),
              dataIndex: 'caseNumber',
              render: (n: string, r) => (
                <a href={`#/case/${r.caseId}`} style={{ textDecoration: 'underline' }}>
                  {n}
                </a>
              ),
            },
            { title: t('products.receivedAt'), dataIndex: 'receivedAt', render: (ms: number) => time(ms) },
            { title: t('products.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
          ]}
        />
      </Card>
      {CALLERS.includes(user.role) && <CallList itemKey={itemKey} today={localDate(Date.now(), settings.timeZone)} />}
    </>
  );
}

function CallList({ itemKey, today }: { itemKey: string; today: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const people = useQuery({
    queryKey: ['products.complainants', itemKey],
    queryFn: () => call('products.complainants', { itemKey }),
  });
  const [dueDate, setDueDate] = useState(today);
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ItemCallsResult | null>(null);
  const schedule = async () => {
    const r = await invoke('products.scheduleCalls', { itemKey, dueDate });
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    setError(null);
    setIssues({});
    setResult(r.value);
    await qc.invalidateQueries({ queryKey: ['counts'] });
  };
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('products.callsTitle')}</h2>}
      data-testid="product-calls"
    >
      <Typography.Paragraph type="secondary">{t('products.callsHint')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="caseId"
        dataSource={people.data ?? []}
        locale={{ emptyText: t('products.noCalls') }}
        columns={[
          { title: t('products.customer'), dataIndex: 'customerName' },
          { title: t('products.phone'), dataIndex: 'customerPhone' },
          {
            title: t('products.number'),
            dataIndex: 'caseNumber',
            render: (n: string, r) => (
              <a href={`#/case/${r.caseId}`} style={{ textDecoration: 'underline' }}>
                {n}
              </a>
            ),
          },
        ]}
      />
      <Space align="end" style={{ marginTop: 12 }} wrap>
        <Field id="callsDueDate" path="dueDate" label={t('products.dueDate')} issues={issues}>
          <DayPicker id="callsDueDate" value={dueDate} onChange={setDueDate} />
        </Field>
        <Button
          type="primary"
          onClick={() => void schedule()}
          disabled={!people.data?.length}
          data-testid="schedule-calls"
        >
          {t('products.schedule')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {result && (
        <Alert
          type={result.skipped.length ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          message={t('products.scheduled', { n: result.scheduled.length })}
          description={result.skipped.map((s) => (
            <div key={s.caseId}>{t('products.skipped', { number: s.caseNumber, reason: pick(s.reason) })}</div>
          ))}
        />
      )}
    </Card>
  );
}
