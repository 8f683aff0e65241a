// The manager's screen 工作日历 (issue 21 §2): a year of head office's working calendar (its source, a
// "provisional" tag, who published it or "shipped with the software"), a year switch, and the branch's
// own closed days with the dialogs to add and remove them. Main checks the manager's right again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalClosureView } from '../../../src-main/shared/working-calendar-view';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { formatTime, localDate } from '../../lib/format';
import { useSession } from '../shell/session';
import { AddClosureDialog, RemoveClosureDialog } from './ClosureDialogs';
import { Legend, YearGrid } from './YearGrid';

export function CalendarScreen() {
  const { t, i18n } = useTranslation();
  const { user, settings } = useSession();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const thisYear = Number(localDate(Date.now(), settings.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<LocalClosureView | null>(null);
  const manager = user.role === 'manager';
  const q = useQuery({
    queryKey: ['calendar.year', year],
    queryFn: () => call('calendar.year', { year }),
    enabled: manager,
  });
  if (!manager) return <Alert type="info" showIcon message={t('settings.managerOnly')} />;
  const view = q.data;
  const years = [...new Set([...(view?.years ?? []), thisYear, thisYear + 1, year])].sort((a, b) => a - b);
  const done = (text: string) => {
    void message.success(text);
    void qc.invalidateQueries({ queryKey: ['calendar.year'] });
    // Stored deadlines moved: the queues re-read them.
    void qc.invalidateQueries();
  };
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {t('cal.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cal.intro')}</Typography.Paragraph>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <label htmlFor="calYear">{t('cal.year')}</label>
        <Select
          id="calYear"
          aria-label={t('cal.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(v: number) => setYear(v)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        {view?.calendar?.provisional && (
          <Tooltip title={t('cal.provisionalHint')}>
            <Tag color="orange">{t('cal.provisional')}</Tag>
          </Tooltip>
        )}
      </Space>
      {q.error && (
        <Alert type="error" showIcon message={q.error instanceof ApiError ? pick(q.error.messages) : String(q.error)} />
      )}
      {view && (
        <>
          {view.calendar ? (
            <Typography.Paragraph data-testid="calendar-source">
              {t('cal.source')}:{view.calendar.source}
              <br />
              {view.published
                ? t('cal.publishedBy', {
                    by: view.published.by,
                    at: formatTime(view.published.at, settings.timeZone, i18n.language),
                    version: view.published.version,
                  })
                : t('cal.shipped')}
            </Typography.Paragraph>
          ) : (
            <Alert type="info" showIcon message={t('cal.noYear', { year })} style={{ marginBottom: 8 }} />
          )}
          <Legend />
          <YearGrid view={view} />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 20 }}>
            {t('cal.closures')}
          </Typography.Title>
          <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 8 }}>
            {t('cal.add')}
          </Button>
          <Table<LocalClosureView>
            data-testid="local-closures"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.localClosures}
            locale={{ emptyText: t('cal.noClosures') }}
            columns={[
              { title: t('cal.date'), dataIndex: 'date' },
              { title: t('cal.reason'), dataIndex: 'reason' },
              {
                title: t('cal.addedBy'),
                render: (_, r) => `${r.addedBy} · ${formatTime(r.addedAt, settings.timeZone, i18n.language)}`,
              },
              {
                title: '',
                render: (_, r) =>
                  r.date >= localDate(Date.now(), settings.timeZone) && (
                    <Button size="small" onClick={() => setRemoving(r)}>
                      {t('cal.remove')}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
      {adding && (
        <AddClosureDialog
          onClose={() => setAdding(false)}
          onDone={(c) => {
            setAdding(false);
            if (c.date.startsWith(`${year}-`)) setYear(year);
            done(t('cal.added', { date: c.date }));
          }}
        />
      )}
      {removing && (
        <RemoveClosureDialog
          closure={removing}
          onClose={() => setRemoving(null)}
          onDone={(c) => {
            setRemoving(null);
            done(t('cal.removed', { date: c.date }));
          }}
        />
      )}
    </Card>
  );
}
