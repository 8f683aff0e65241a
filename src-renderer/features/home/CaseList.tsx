// One queue or one search as a virtualised list, fetched a keyset page at a time.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueName } from '../../../src-main/shared/enums';
import type { QueueRow } from '../../../src-main/shared/types';
import { VirtualList } from '../../components/VirtualList';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../shell/session';
import { CaseRowView } from './CaseRowView';

export type Source = { kind: 'queue'; queue: QueueName } | { kind: 'search'; query: string };

const ROW = 44;
const PAGE = 100;

/** The list's query, shared with main.tsx, which starts the home queue before React renders. */
export const listQuery = (source: Source) =>
  infiniteQueryOptions({
    queryKey: ['list', source],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      source.kind === 'queue'
        ? call('queues.list', { queue: source.queue, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) })
        : call('search.cases', { query: source.query, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

function useListHeight(): number {
  const calc = () => Math.max(240, window.innerHeight - 360);
  const [h, setH] = useState(calc);
  useEffect(() => {
    const on = () => setH(calc());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

export function CaseList({ source, title }: { source: Source; title: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const height = useListHeight();
  const q = useInfiniteQuery(listQuery(source));

  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  const more = () => {
    if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  };

  const row = (r: QueueRow, _i: number, style: React.CSSProperties) => (
    <CaseRowView
      key={r.id}
      r={r}
      top={Number(style.top)}
      height={ROW}
      timeZone={settings.timeZone}
      lang={i18n.language}
    />
  );

  return (
    <section aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
          {q.isPending ? t('home.loading') : t('home.rows', { n: rows.length })}
        </Typography.Text>
      </Typography.Title>
      {q.error && (
        <Alert
          type="error"
          showIcon
          message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')}
        />
      )}
      {!q.isPending && rows.length === 0 && !q.error ? (
        <Typography.Paragraph>{t('home.empty')}</Typography.Paragraph>
      ) : (
        <VirtualList
          rows={rows}
          rowHeight={ROW}
          height={height}
          label={t('home.listLabel')}
          renderRow={row}
          onNearEnd={more}
        />
      )}
    </section>
  );
}
