// The console's home: the day at a glance in five cards, each entry a link to where it leads
// (a case, the list filtered, the 待批示 queue, sync health), each card with its empty state.
import { useQuery } from '@tanstack/react-query';
import { Card, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DashboardCase,
  type DashboardCount,
  NEW_MAJOR_HOURS,
  PRODUCT_FLAG_BRANCHES,
  PRODUCT_FLAG_CUSTOMERS,
  PRODUCT_FLAG_DAYS,
} from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { ErrorAlert } from './ErrorAlert';
import { shTime, todaySh } from '../labels';
import { dashboardQuery } from '../queries';
import { caseHref } from '../route';
import { statusTone } from './CaseListScreen';

/** The list's address with these filters (the list reads them from the hash). */
const listHref = (filters: Record<string, string>): string => `#/?${new URLSearchParams(filters).toString()}`;

function Section(props: { id: string; title: string; hint?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      size="small"
      data-testid={`dash-${props.id}`}
      title={<h2 id={`dash-${props.id}-title`}>{props.title}</h2>}
      extra={props.extra}
      aria-labelledby={`dash-${props.id}-title`}
      className="dash-card"
      role="region"
    >
      {props.hint && <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>}
      {props.children}
    </Card>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph className="muted" data-testid="dash-empty">
      {children}
    </Typography.Paragraph>
  );
}

export function DashboardScreen() {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const q = useQuery(dashboardQuery);
  const d = q.data;
  const count = (c: DashboardCount) =>
    c.totalExact ? t('dashboard.total', { n: c.total }) : t('dashboard.totalMore', { n: c.total });
  const showAll = (href: string, testId: string) => (
    <a href={href} data-testid={testId}>
      {t('dashboard.showAll')}
    </a>
  );
  /** A case entry; the 待批示 card leaves out the status its title already says. */
  const caseLine = (c: DashboardCase, after?: ReactNode, withStatus = true) => (
    <li key={`${c.branch}/${c.id}`}>
      <a href={caseHref(c)} data-testid="dash-case">
        <strong>{c.number}</strong>
      </a>{' '}
      {withStatus && <ToneTag tone={statusTone(c.status)}>{t(`translation:status.${c.status}`)}</ToneTag>}
      {after}
      <div className="muted dash-excerpt">
        {[c.customerName, t('dashboard.received', { at: shTime(c.receivedAt, lang) }), c.excerpt]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </li>
  );

  return (
    <section aria-labelledby="dashboard-title">
      <Typography.Title level={1} className="screen-title" id="dashboard-title">
        {t('dashboard.title')}{' '}
        {d && (
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }} data-testid="dash-as-of">
            {t('dashboard.asOf', { at: shTime(d.now, lang) })}
          </Typography.Text>
        )}
      </Typography.Title>
      {q.error && <ErrorAlert error={q.error} />}
      {q.isPending && <Spin />}
      {d && (
        <div className="dash-grid">
          <div className="dash-col">
            <Section
              id="major"
              title={`${t('dashboard.newMajor')} · ${count(d.newMajor)}`}
              hint={d.newMajor.cases.length ? t('dashboard.newMajorHint', { hours: NEW_MAJOR_HOURS }) : undefined}
              extra={showAll(listHref({ severity: 'major' }), 'dash-major-all')}
            >
              {d.newMajor.cases.length === 0 ? (
                <Empty>{t('dashboard.newMajorEmpty', { hours: NEW_MAJOR_HOURS })}</Empty>
              ) : (
                <ul className="dash-list">
                  {d.newMajor.cases.map((c) => caseLine(c, <ToneTag tone="plain">{c.branch}</ToneTag>))}
                </ul>
              )}
            </Section>
            <Section id="branches" title={t('dashboard.branches')} hint={t('dashboard.branchesHint')}>
              {d.branchProblems.length === 0 ? (
                <Empty>{t('dashboard.branchesEmpty')}</Empty>
              ) : (
                <ul className="dash-list">
                  {d.branchProblems.map((b) => (
                    <li key={b.branch}>
                      <a href="#/health" data-testid="dash-branch-link">
                        <strong>{b.branch}</strong>
                      </a>{' '}
                      {b.problems.map((p) => (
                        <ToneTag key={p.kind} tone="bad">
                          {t(`health.kinds.${p.kind}`, { defaultValue: p.kind })}
                        </ToneTag>
                      ))}
                      <div className="muted dash-excerpt">{b.problems.map((p) => pick(p.message)).join(';')}</div>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
          <div className="dash-col">
            <Section
              id="awaiting"
              title={`${t('dashboard.awaiting')} · ${count(d.awaiting)}`}
              extra={showAll(listHref({ status: 'awaiting_instruction' }), 'dash-awaiting-all')}
            >
              {d.awaiting.cases.length === 0 ? (
                <Empty>{t('dashboard.awaitingEmpty')}</Empty>
              ) : (
                <ul className="dash-list">
                  {d.awaiting.cases.map((c) =>
                    caseLine(
                      c,
                      <>
                        <ToneTag tone="plain">{c.branch}</ToneTag>
                        <ToneTag tone={c.daysWaiting >= 3 ? 'bad' : 'warn'}>
                          {c.daysWaiting === 0
                            ? t('dashboard.waitingToday')
                            : t('dashboard.waitingDays', { n: c.daysWaiting })}
                        </ToneTag>
                        {c.instructed && <ToneTag tone="good">{t('list.instructed')}</ToneTag>}
                      </>,
                      false,
                    ),
                  )}
                </ul>
              )}
            </Section>
          </div>
          <div className="dash-col">
            <Section id="overdue" title={t('dashboard.overdue')} hint={t('dashboard.overdueHint')}>
              {d.overdueByBranch.length === 0 ? (
                <Empty>{t('dashboard.overdueEmpty')}</Empty>
              ) : (
                <ul className="dash-list">
                  {d.overdueByBranch.map((o) => (
                    <li key={o.branch}>
                      <a href={listHref({ branch: o.branch, overdue: '1' })} data-testid="dash-overdue-link">
                        <strong>{o.branch}</strong>{' '}
                        {o.countExact
                          ? t('dashboard.overdueCount', { n: o.count })
                          : t('dashboard.overdueCountMore', { n: o.count })}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section
              id="products"
              title={t('dashboard.products')}
              hint={t('dashboard.productsHint', {
                days: PRODUCT_FLAG_DAYS,
                customers: PRODUCT_FLAG_CUSTOMERS,
                branches: PRODUCT_FLAG_BRANCHES,
              })}
            >
              {!d.products.complete && (
                <Typography.Paragraph type="warning">
                  {t('dashboard.productsPartial', { n: d.products.scanned })}
                </Typography.Paragraph>
              )}
              {d.products.flags.length === 0 ? (
                <Empty>{t('dashboard.productsEmpty', { days: PRODUCT_FLAG_DAYS })}</Empty>
              ) : (
                <ul className="dash-list">
                  {d.products.flags.map((f) => (
                    <li key={f.item}>
                      <a
                        href={listHref({ item: f.item, from: todaySh(d.products.since) })}
                        data-testid="dash-product-link"
                      >
                        <strong>{f.item}</strong>
                      </a>{' '}
                      {f.branches.map((b) => (
                        <ToneTag key={b} tone={f.branches.length >= PRODUCT_FLAG_BRANCHES ? 'warn' : 'plain'}>
                          {b}
                        </ToneTag>
                      ))}
                      <div className="muted dash-excerpt">
                        {t('dashboard.productLine', {
                          customers: f.customers,
                          cases: f.cases,
                          last: shTime(f.lastAt, lang),
                        })}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
        </div>
      )}
    </section>
  );
}
