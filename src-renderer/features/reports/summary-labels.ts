// The words SummaryView shows, passed in as props so that the head-office console can show a
// consolidated summary with its own catalogue. The branch builds them from i18n.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, EscalationKind, Finding, ResolutionType, Satisfaction } from '../../../src-main/shared/enums';
import { CHANNELS, ESCALATION_KINDS, FINDINGS, RESOLUTION_TYPES, SATISFACTIONS } from '../../../src-main/shared/enums';
import type { Closing } from '../../../src-main/shared/summary-types';
import { CLOSINGS } from '../../../src-main/shared/summary-types';
import type { reportsZhCN } from '../../i18n/reports-catalogue';
import type { summaryItemsZhCN } from '../../i18n/summary-items-catalogue';

export type SummaryWords = (typeof reportsZhCN)['reports']['summary'];

export interface SummaryLabels {
  lang: 'zh-CN' | 'en';
  words: Omit<SummaryWords, 'closing'>;
  closing: Record<Closing, string>;
  channel: Record<Channel, string>;
  satisfaction: Record<Satisfaction, string>;
  finding: Record<Finding, string>;
  escalation: Record<EscalationKind, string>;
  resolution: Record<ResolutionType, string>;
  /** 2026-11 (2026-11-01 to 2026-11-30); with `asOf` (MM-dd HH:mm) for a running period: …, as of 11-18 15:20) */
  periodLine: (key: string, first: string, last: string, asOf?: string | null) => string;
  more: (shown: number, total: number) => string;
  /** The 按商品 table's words (the console shares the branch catalogue, so both have them). */
  items: Omit<ItemWords, 'more'> & { more: (shown: number, total: number) => string };
}

export type ItemWords = (typeof summaryItemsZhCN)['summaryItems'];

const record = <K extends string>(keys: readonly K[], f: (k: K) => string): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, string>;

export function useSummaryLabels(): SummaryLabels {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useMemo(() => {
    const words = t('reports.summary', { returnObjects: true }) as SummaryWords;
    return {
      lang,
      words,
      closing: record(CLOSINGS, (k) => t(`reports.summary.closing.${k}`)),
      channel: record(CHANNELS, (k) => t(`channel.${k}`)),
      satisfaction: record(SATISFACTIONS, (k) => t(`satisfaction.${k}`)),
      finding: record(FINDINGS, (k) => t(`finding.${k}`)),
      escalation: record(ESCALATION_KINDS, (k) => t(`escalation.${k}`)),
      resolution: record(RESOLUTION_TYPES, (k) => t(`resolution.${k}`)),
      periodLine: (key, first, last, asOf) =>
        asOf
          ? t('reports.summary.periodLineAsOf', { key, first, last, asOf })
          : t('reports.summary.periodLine', { key, first, last }),
      more: (shown, total) => t('reports.summary.more', { shown, total }),
      items: {
        ...(t('summaryItems', { returnObjects: true }) as ItemWords),
        more: (shown: number, total: number) => t('summaryItems.more', { shown, total }),
      },
    };
  }, [lang, t]);
}
