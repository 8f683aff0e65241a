// On the home screen: when the search text looks like a slip number (SH01-TH-202611-0001, or its
// TH-202611-0001 tail), the matching slips above the case results.
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { SlipTable } from './SlipTable';

/** The slip kind of domain/numbering.ts, whole or without the branch code. */
export const looksLikeSlipNumber = (q: string): boolean => /^([A-Z0-9]{2,8}-)?TH-\d{6}-\d{4,}$/i.test(q.trim());

export function HomeSlipMatch({ query }: { query: string }) {
  const { t } = useTranslation();
  const enabled = looksLikeSlipNumber(query);
  const q = useQuery({ queryKey: ['slipSearch', query], enabled, queryFn: () => call('slips.search', { query }) });
  if (!enabled) return null;
  const title = t('slips.homeMatch');
  return (
    <section aria-label={title} data-testid="home-slip-match" style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <SlipTable rows={q.data ?? []} loading={q.isPending} label={title} />
    </section>
  );
}
