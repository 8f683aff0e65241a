// The slip screen (issue 12): queues with counts (awaiting the supervisor's / the manager's
// approval, unsettled for finance, voided, all by date), search, and the button to a new slip.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/shared/enums';
import { SLIP_QUEUES, type SlipQueue } from '../../../src-main/shared/schemas/slip';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useSession } from '../shell/session';
import { SlipTable } from './SlipTable';

const PAGE = 50;

const isQueue = (q: string | undefined): q is SlipQueue => !!q && (SLIP_QUEUES as readonly string[]).includes(q);

/** Each approver starts on what is waiting for them; everyone else on all slips by date. */
const defaultQueue = (role: Role): SlipQueue =>
  role === 'supervisor' ? 'approval_supervisor' : role === 'manager' ? 'approval_manager' : 'all';

export function SlipScreen({ queue, query }: { queue: string | undefined; query: string | undefined }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const selected = isQueue(queue) ? queue : defaultQueue(user.role);
  const [text, setText] = useState(query ?? '');
  useEffect(() => setText(query ?? ''), [query]);
  const counts = useQuery({ queryKey: ['slipCounts'], queryFn: () => call('slips.counts', {}) });

  const search = (q: string) =>
    navigate(q.trim() ? `/slips?q=${encodeURIComponent(q.trim())}` : `/slips?queue=${selected}`);

  return (
    <>
      <Space align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('slips.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => navigate('/slip/new')}>
          {t('slips.newSlip')}
        </Button>
      </Space>
      <div className="queue-tiles">
        {SLIP_QUEUES.map((q) => (
          <button
            key={q}
            type="button"
            className="queue-tile"
            aria-pressed={!query && q === selected}
            data-slip-queue={q}
            onClick={() => navigate(`/slips?queue=${q}`)}
          >
            {t(`slips.queue.${q}`)}
            <span className="count">{counts.data?.[q] ?? '…'}</span>
          </button>
        ))}
      </div>
      <label htmlFor="slipSearch" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
        {t('slips.search')}
      </label>
      <Input.Search
        id="slipSearch"
        allowClear
        placeholder={t('slips.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={search}
        style={{ maxWidth: 520, marginBottom: 12 }}
      />
      {query ? <SearchResults key={`q:${query}`} query={query} /> : <QueueList key={selected} queue={selected} />}
    </>
  );
}

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <Alert type="error" showIcon message={error instanceof ApiError ? pick(error.messages) : t('common.error')} />;
}

function QueueList({ queue }: { queue: SlipQueue }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ['slipQueue', queue],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call('slips.list', { queue, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  const title = t(`slips.queue.${queue}`);
  return (
    <section aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {q.error && <Failure error={q.error} />}
      <SlipTable rows={rows} loading={q.isPending} label={title} />
      {q.hasNextPage && (
        <Button style={{ marginTop: 8 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('slips.more')}
        </Button>
      )}
    </section>
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['slipSearch', query], queryFn: () => call('slips.search', { query }) });
  const title = t('slips.results', { q: query });
  return (
    <section aria-label={title}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {q.error && <Failure error={q.error} />}
      <SlipTable rows={q.data ?? []} loading={q.isPending} label={title} />
    </section>
  );
}
