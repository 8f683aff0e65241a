// Home: the work queues with their counts, one search box, and the selected queue (or the
// search results) as a virtualised list loaded a keyset page at a time.
import { useQuery } from '@tanstack/react-query';
import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueName } from '../../../src-main/shared/enums';
import { call } from '../../lib/api';
import { navigate } from '../../lib/router';
import { HomeSlipMatch } from '../slips/HomeSlipMatch';
import { CAPA_QUEUE, CapaQueueList, CapaTile } from './CapaQueue';
import { CaseList } from './CaseList';
import { HomeDoubleRefunds } from './HomeDoubleRefunds';
import { HomeNotices } from './HomeNotices';
import { HomeProductFlags } from './HomeProductFlags';
import { HomeReminders } from './HomeReminders';

/** The queues of the foundation issue first, then the others. */
const ORDER: QueueName[] = [
  'due_today',
  'overdue',
  'mine',
  'my_follow_ups',
  'awaiting_follow_up',
  'awaiting_instruction',
  'disputed',
  'due_soon',
  'open',
  'awaiting_review',
  'filed',
];

/** Shared with main.tsx, which starts it before React renders. */
export const countsQuery = { queryKey: ['counts'], queryFn: () => call('queues.counts', {}) };
export const DEFAULT_QUEUE: QueueName = 'due_today';

const isQueue = (q: string | undefined): q is QueueName => !!q && (ORDER as string[]).includes(q);

export function Home({ query, queue }: { query: string | undefined; queue: string | undefined }) {
  const { t } = useTranslation();
  const counts = useQuery(countsQuery);
  const selected: QueueName = isQueue(queue) ? queue : DEFAULT_QUEUE;
  const [text, setText] = useState(query ?? '');
  useEffect(() => setText(query ?? ''), [query]);

  const search = (q: string) => navigate(q.trim() ? `/?q=${encodeURIComponent(q.trim())}` : `/?queue=${selected}`);

  return (
    <>
      <HomeNotices />
      <HomeReminders />
      <HomeDoubleRefunds />
      <HomeProductFlags />
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('home.queues')}
      </Typography.Title>
      <div className="queue-tiles">
        {ORDER.filter((q) => counts.data?.[q] !== undefined || !counts.data).map((q) => (
          <button
            key={q}
            type="button"
            className="queue-tile"
            aria-pressed={!query && q === selected}
            data-queue={q}
            onClick={() => navigate(`/?queue=${q}`)}
          >
            {t(`queue.${q}`)}
            <span className="count">{counts.data?.[q] ?? '…'}</span>
          </button>
        ))}
        <CapaTile pressed={!query && queue === CAPA_QUEUE} />
      </div>
      <label htmlFor="search" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
        {t('home.search')}
      </label>
      <Input.Search
        id="search"
        allowClear
        placeholder={t('home.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        // onSearch fires on Enter; antd does not fire it while an IME is composing.
        onSearch={search}
        style={{ maxWidth: 520, marginBottom: 12 }}
      />
      {query && <HomeSlipMatch key={`slip:${query}`} query={query} />}
      {!query && queue === CAPA_QUEUE ? (
        <CapaQueueList />
      ) : query ? (
        <CaseList key={`q:${query}`} source={{ kind: 'search', query }} title={t('home.searchResults', { q: query })} />
      ) : (
        <CaseList
          key={`queue:${selected}`}
          source={{ kind: 'queue', queue: selected }}
          title={t(`queue.${selected}`)}
        />
      )}
    </>
  );
}
