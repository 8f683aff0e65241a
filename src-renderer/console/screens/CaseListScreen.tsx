// All branches' cases: filters, then a virtualised list fetched a keyset page at a time.
// The filters live in the address (#/?branch=…&status=…), so reload and back keep them.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../src-headoffice/console/api-contract';
import { type Tone, ToneTag } from '../../components/ToneTag';
import { VirtualList } from '../../components/VirtualList';
import { ErrorAlert } from './ErrorAlert';
import { categoryLabel, shTime } from '../labels';
import { caseListQuery, healthQuery } from '../queries';
import { saveListTop, savedListTop } from '../list-scroll';
import { caseHref, go, listHash, rememberList } from '../route';
import { useWindowHeight } from '../useWindowHeight';
import { type CaseFilterValue, CaseFilters } from './CaseFilters';
import { RowLate, RowMatter, RowWaiting, useOverdueWord } from './CaseRowFacts';

const ROW = 40;
const KEYS: (keyof CaseFilterValue)[] = [
  'branch',
  'status',
  'category',
  'channel',
  'from',
  'to',
  'q',
  'severity',
  'overdue',
  'order',
  'mine',
  'unit',
  'late',
  'overdueBy',
  'item',
];

export const statusTone = (s: string): Tone =>
  s === 'disputed' ? 'bad' : s === 'filed' ? 'good' : s === 'awaiting_instruction' ? 'warn' : 'info';

export function CaseListScreen({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const filters: CaseFilterValue = Object.fromEntries(KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
  const branches = useQuery(healthQuery);
  const q = useInfiniteQuery(caseListQuery(filters));
  const height = useWindowHeight(222);
  useEffect(rememberList);
  // Back from a case (also after a reload): the same scroll offset, loading pages until it is reached.
  const [restoreTop] = useState(() => savedListTop(listHash(), ROW));

  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  const first = q.data?.pages[0];
  // Head office counts exactly up to a cap; past it the total is a lower bound.
  const total = first
    ? first.totalExact
      ? t('list.total', { n: first.total })
      : t('list.totalMore', { n: first.total })
    : '';
  const more = () => {
    if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  };
  const now = Date.now();
  const overdueWord = useOverdueWord();

  const row = (r: CaseListRow, _i: number, style: CSSProperties) => {
    const overdue = r.dueAt != null && r.dueAt < now && r.status !== 'filed';
    return (
      <a
        key={`${r.branch}/${r.id}`}
        data-row
        role="listitem"
        className="hq-row"
        style={style}
        href={caseHref(r)}
        data-testid="case-row"
      >
        <span>{r.branch}</span>
        <span className="hq-number">
          <strong>{r.number}</strong>
          {r.severity === 'major' && <ToneTag tone="bad">{t('translation:severity.major')}</ToneTag>}
        </span>
        <span>{shTime(r.receivedAt, i18n.language)}</span>
        <span>{t(`translation:channel.${r.channel}`)}</span>
        <span>{categoryLabel(r.category, i18n.language)}</span>
        <span>
          <ToneTag tone={statusTone(r.status)}>{t(`translation:status.${r.status}`)}</ToneTag>
          {r.instructed && <ToneTag tone="good">{t('list.instructed')}</ToneTag>}
          <RowMatter r={r} />
        </span>
        <span>
          <RowWaiting r={r} />
          {r.dueAt === undefined ? (
            // Head office did not send the deadline (older head office): say nothing rather than "none".
            <span className="muted">{t('translation:common.none')}</span>
          ) : r.dueAt === null ? (
            // A 待批示 row says how long it has waited instead.
            r.status !== 'awaiting_instruction' && <span className="muted">{t('list.noDue')}</span>
          ) : overdue ? (
            <ToneTag tone="bad" testId="row-overdue">{`${overdueWord(r)} ${shTime(r.dueAt, i18n.language)}`}</ToneTag>
          ) : (
            shTime(r.dueAt, i18n.language)
          )}
          <RowLate r={r} />
        </span>
        <span title={r.excerpt}>
          {r.customerName ?? (r.customerPhoneMasked ? '' : t('translation:caseView.anonymousCustomer'))}{' '}
          {r.customerPhoneMasked && <span className="muted">{r.customerPhoneMasked}</span>}{' '}
          {/* The reviewers' queue: whom it is assigned to, and whether I have read it (已阅). */}
          {r.assignedTo && (
            <ToneTag tone={r.assignedToMe ? 'info' : 'plain'} testId="row-assigned">
              {r.assignedToMe ? t('queue.mineTag') : t('queue.assignedTag', { who: r.assignedTo })}
            </ToneTag>
          )}
          {r.repeatUnfounded !== undefined && (
            <ToneTag tone="warn" testId="row-repeat">
              {t('customer.rowFlag', { n: r.repeatUnfounded })}
            </ToneTag>
          )}
          {r.readByMe && (
            <ToneTag tone="plain" testId="row-read">
              {t('queue.read')}
            </ToneTag>
          )}
        </span>
      </a>
    );
  };

  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={1} className="screen-title" id="cases-title">
        {t('list.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }} data-testid="row-count">
          {q.isPending ? t('list.loading') : `${t('list.rows', { n: rows.length })} · ${total}`}
        </Typography.Text>
      </Typography.Title>
      <CaseFilters
        value={filters}
        branches={(branches.data?.branches ?? []).map((b) => b.branch)}
        onChange={(f) => go('/', f as Record<string, string | undefined>)}
      />
      {q.error && <ErrorAlert error={q.error} style={{ marginBottom: 8 }} />}
      {!q.isPending && rows.length === 0 && !q.error ? (
        <Typography.Paragraph data-testid="empty">{t('list.empty')}</Typography.Paragraph>
      ) : (
        <div className="hq-list">
          <div className="hq-head" aria-hidden="true">
            <span>{t('list.branch')}</span>
            <span>{t('list.number')}</span>
            <span>{t('list.receivedAt')}</span>
            <span>{t('list.channel')}</span>
            <span>{t('list.category')}</span>
            <span>{t('list.status')}</span>
            <span>{t('list.deadline')}</span>
            <span>{t('list.phone')}</span>
          </div>
          <VirtualList
            rows={rows}
            rowHeight={ROW}
            height={height}
            label={t('list.label')}
            renderRow={row}
            onNearEnd={more}
            restore={{ top: restoreTop, exhausted: !q.isPending && !q.hasNextPage && !q.isFetchingNextPage }}
            onTopChange={(top) => saveListTop(listHash(), top)}
          />
        </div>
      )}
    </section>
  );
}
