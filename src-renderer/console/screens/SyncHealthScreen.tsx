// Sync health per branch: the last batch and how it came, the backlog the branch reported,
// errors and alerts, quarantined records. A branch with a problem is highlighted and says why.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type BranchAlert,
  type BranchHealth,
  CONSOLE_PATHS,
  type HealthAckAnswer,
  type HealthProblem,
  STALE_DATA_DAYS,
} from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { postJson } from '../api';
import { shTime } from '../labels';
import { healthQuery } from '../queries';
import { ErrorAlert } from './ErrorAlert';

/** A branch not heard from for this long is a problem (the scheduler syncs every few minutes). */
export const STALE_HOURS = 24;

/** Problems not acknowledged yet (head office's rules); a head office without them falls back to the alerts. */
export const openProblems = (b: BranchHealth): HealthProblem[] => (b.problems ?? []).filter((p) => !p.acknowledged);

export function problemsOf(b: BranchHealth, now: number): ('alerts' | 'quarantine' | 'stale' | 'never')[] {
  if (b.problems) return openProblems(b).length ? ['alerts'] : [];
  const p: ('alerts' | 'quarantine' | 'stale' | 'never')[] = [];
  if (b.alerts.length > 0) p.push('alerts');
  if (b.quarantined > 0) p.push('quarantine');
  if (b.lastBatchAt === null) p.push('never');
  else if (now - b.lastBatchAt > STALE_HOURS * 3_600_000) p.push('stale');
  return p;
}

/** One line per event: head office can report a refusal both as an alert and as the last error. */
export function distinctAlerts(alerts: BranchAlert[]): BranchAlert[] {
  const seen = new Set<string>();
  return alerts.filter((a) => {
    const k = `${a.at}|${a.message.zh}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function SyncHealthScreen() {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  const q = useQuery(healthQuery);
  const now = q.data?.now ?? Date.now();
  const client = useQueryClient();
  const ack = useMutation({
    mutationFn: (v: { branch: string; kind: string; at: number }) =>
      postJson<HealthAckAnswer>(CONSOLE_PATHS.branchHealthAck, v),
    onSettled: () => client.invalidateQueries({ queryKey: healthQuery.queryKey }),
  });
  const kindLabel = (k: string): string =>
    i18n.exists(`health.kinds.${k}`, { ns: 'console' }) ? t(`health.kinds.${k}`) : k;

  return (
    <section aria-labelledby="health-title">
      <Typography.Title level={1} className="screen-title" id="health-title">
        {t('health.title')}
      </Typography.Title>
      {q.error && <ErrorAlert error={q.error} />}
      {ack.error && <ErrorAlert error={ack.error} />}
      <Typography.Paragraph className="muted">{t('health.staleRule', { days: STALE_DATA_DAYS })}</Typography.Paragraph>
      <Table<BranchHealth>
        size="small"
        rowKey="branch"
        loading={q.isPending}
        dataSource={q.data?.branches ?? []}
        pagination={false}
        rowClassName={(b) => (problemsOf(b, now).length ? 'problem-row' : '')}
        onRow={(b) =>
          ({
            'data-testid': `health-${b.branch}`,
            'data-problem':
              problemsOf(b, now).length > 0 ? 'yes' : (b.problems ?? []).length > 0 ? 'acknowledged' : 'no',
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('health.branch'), dataIndex: 'branch', width: 90, render: (v: string) => <strong>{v}</strong> },
          {
            title: t('health.state'),
            key: 'state',
            width: 170,
            render: (_, b) => {
              if (b.problems) {
                const open = openProblems(b);
                if (open.length)
                  return open.map((x) => (
                    <ToneTag key={x.kind} tone="bad">
                      {kindLabel(x.kind)}
                    </ToneTag>
                  ));
                return b.problems.length ? (
                  <ToneTag tone="warn">{t('health.allAcknowledged')}</ToneTag>
                ) : (
                  <ToneTag tone="good">{t('health.ok')}</ToneTag>
                );
              }
              const p = problemsOf(b, now);
              if (!p.length) return <ToneTag tone="good">{t('health.ok')}</ToneTag>;
              return p.map((k) => (
                <ToneTag key={k} tone="bad">
                  {k === 'stale'
                    ? t('health.stale', { hours: STALE_HOURS })
                    : k === 'never'
                      ? t('health.never')
                      : k === 'alerts'
                        ? t('health.errors')
                        : t('health.quarantined')}
                </ToneTag>
              ));
            },
          },
          {
            title: t('health.lastBatch'),
            key: 'last',
            width: 190,
            render: (_, b) =>
              b.lastBatchAt === null ? (
                <span className="muted">{t('health.never')}</span>
              ) : (
                `${shTime(b.lastBatchAt, lang)}${b.lastBatchSource ? ` · ${t(`health.source.${b.lastBatchSource}`)}` : ''}`
              ),
          },
          {
            title: t('health.newest'),
            key: 'newest',
            width: 150,
            render: (_, b) =>
              b.newestRecordAt == null ? (
                <span className="muted">{t('health.never')}</span>
              ) : (
                <span data-testid={`newest-${b.branch}`}>{shTime(b.newestRecordAt, lang)}</span>
              ),
          },
          {
            title: t('health.backlog'),
            key: 'backlog',
            width: 130,
            align: 'right',
            render: (_, b) => (b.backlog === null ? <span className="muted">{t('health.unknown')}</span> : b.backlog),
          },
          { title: t('health.cases'), dataIndex: 'recordsStored', width: 100, align: 'right' },
          {
            title: t('health.quarantined'),
            dataIndex: 'quarantined',
            width: 100,
            align: 'right',
            render: (n: number) => (n > 0 ? <strong style={{ color: '#a8071a' }}>{n}</strong> : n),
          },
          {
            title: t('health.problems'),
            key: 'alerts',
            render: (_, b) =>
              b.problems ? (
                b.problems.length === 0 ? (
                  <span className="muted">{t('health.noAlerts')}</span>
                ) : (
                  <ul className="history-list">
                    {b.problems.map((p) => (
                      <li
                        key={p.kind}
                        data-testid={`problem-${b.branch}-${p.kind}`}
                        data-acknowledged={p.acknowledged ? 'yes' : 'no'}
                        style={{ padding: '2px 0 6px', border: 0 }}
                      >
                        <strong>{kindLabel(p.kind)}</strong> {pick(p.message)}{' '}
                        <span className="muted">{shTime(p.at, lang)}</span>
                        <div>
                          {t('health.nextStep')}
                          {pick(p.nextStep)}
                        </div>
                        {p.acknowledged ? (
                          <div className="muted">
                            {t('health.acknowledgedBy', {
                              name: p.acknowledged.name,
                              at: shTime(p.acknowledged.at, lang),
                            })}
                          </div>
                        ) : (
                          <Button
                            size="small"
                            loading={
                              ack.isPending && ack.variables.branch === b.branch && ack.variables.kind === p.kind
                            }
                            onClick={() => ack.mutate({ branch: b.branch, kind: p.kind, at: p.at })}
                          >
                            {t('health.acknowledge')}
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                )
              ) : b.alerts.length === 0 ? (
                <span className="muted">{t('health.noAlerts')}</span>
              ) : (
                <ul className="history-list">
                  {distinctAlerts(b.alerts).map((a, i) => (
                    <li key={i} style={{ padding: '2px 0', border: 0 }} title={a.kind}>
                      {pick(a.message)} <span className="muted">{shTime(a.at, lang)}</span>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}
