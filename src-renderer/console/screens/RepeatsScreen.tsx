// Repeat complainants across branches and channels (SPEC §9): for information only — the
// branch registers every complaint. Each group links to its cases.
import { useQuery } from '@tanstack/react-query';
import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepeatComplainant } from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { ErrorAlert } from './ErrorAlert';
import { shTime } from '../labels';
import { healthQuery, repeatsQuery } from '../queries';
import { caseHref, go } from '../route';
import { DateRange } from './DateRange';
import { DoubleRefunds } from './DoubleRefunds';

export function RepeatsScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const branch = params.branch || undefined;
  const from = params.from || undefined;
  const to = params.to || undefined;
  const branches = useQuery(healthQuery);
  const q = useQuery(repeatsQuery({ branch, from, to }));
  const filter = (next: { branch?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
    go('/repeats', { branch, from, to, ...next });

  return (
    <section aria-labelledby="repeats-title">
      <Typography.Title level={1} className="screen-title" id="repeats-title">
        {t('repeats.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('repeats.intro')}</Typography.Paragraph>
      <div className="filters repeats-filters">
        <div>
          <label htmlFor="r-branch">{t('filters.branch')}</label>
          <Select
            id="r-branch"
            allowClear
            placeholder={t('filters.allBranches')}
            value={branch}
            onChange={(v?: string) => filter({ branch: v })}
            options={(branches.data?.branches ?? []).map((b) => ({ value: b.branch, label: b.branch }))}
            style={{ width: 180 }}
          />
        </div>
        <DateRange
          idPrefix="r"
          caption={t('repeats.dates')}
          from={from}
          to={to}
          onChange={(k, v) => filter({ [k]: v })}
        />
      </div>
      {q.error && <ErrorAlert error={q.error} />}
      <Table<RepeatComplainant>
        size="small"
        rowKey="key"
        loading={q.isPending}
        dataSource={q.data?.groups ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('repeats.empty') }}
        data-testid="repeats"
        columns={[
          {
            title: t('repeats.customer'),
            key: 'customer',
            width: 170,
            render: (_, g) => (
              <>
                <div>{g.customerName ?? t('translation:common.none')}</div>
                <div className="muted">{g.customerPhoneMasked ?? ''}</div>
              </>
            ),
          },
          {
            title: t('repeats.branches'),
            key: 'branches',
            width: 120,
            render: (_, g) =>
              g.branches.map((b) => (
                <ToneTag key={b} tone={g.branches.length > 1 ? 'warn' : 'plain'}>
                  {b}
                </ToneTag>
              )),
          },
          {
            title: t('repeats.channels'),
            key: 'channels',
            width: 200,
            render: (_, g) =>
              g.channels.map((c) => (
                <ToneTag key={c} tone={g.channels.length > 1 ? 'warn' : 'plain'}>
                  {t(`translation:channel.${c}`)}
                </ToneTag>
              )),
          },
          {
            title: t('translation:intake.purchase'),
            key: 'matter',
            width: 160,
            render: (_, g) => <span>{g.matter.value}</span>,
          },
          {
            title: t('repeats.cases'),
            key: 'cases',
            render: (_, g) => (
              <ul className="history-list">
                {g.cases.map((c) => (
                  <li key={`${c.branch}/${c.id}`} style={{ padding: '2px 0', border: 0 }}>
                    <a href={caseHref(c)}>{c.number}</a> · {t(`translation:channel.${c.channel}`)} ·{' '}
                    {t(`translation:status.${c.status}`)}
                    {c.finding ? ` · ${t(`translation:finding.${c.finding}`)}` : ''} ·{' '}
                    <span className="muted">{shTime(c.receivedAt, lang)}</span>
                  </li>
                ))}
              </ul>
            ),
          },
          { title: t('repeats.last'), key: 'last', width: 140, render: (_, g) => shTime(g.lastAt, lang) },
        ]}
      />
      <DoubleRefunds />
    </section>
  );
}
