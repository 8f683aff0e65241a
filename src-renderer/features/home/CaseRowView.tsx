// One row of a queue or search list. Memoised on plain props: while the list scrolls only
// the rows coming into view render, not every visible row on every frame.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { formatTime } from '../../lib/format';

interface Props {
  r: QueueRow;
  top: number;
  height: number;
  timeZone: string;
  lang: string;
}

export const CaseRowView = memo(function CaseRowView({ r, top, height, timeZone, lang }: Props) {
  const { t } = useTranslation();
  const at = (ms: number) => formatTime(ms, timeZone, lang);
  return (
    <a data-row role="listitem" className="vrow" style={{ top, height }} href={`#/case/${r.id}`}>
      <strong>{r.number}</strong>
      <span>
        <ToneTag tone={r.status === 'disputed' ? 'bad' : 'info'}>{t(`status.${r.status}`)}</ToneTag>
      </span>
      <span>{t(`channel.${r.channel}`)}</span>
      <span>{r.customerName ?? t('caseView.anonymousCustomer')}</span>
      <span className="excerpt">{r.excerpt ?? t('caseView.hidden')}</span>
      <span style={{ color: r.overdue ? '#b91c1c' : undefined }}>
        {r.dueAt ? t(r.overdue ? 'caseView.overdue' : 'caseView.due', { at: at(r.dueAt) }) : at(r.receivedAt)}
      </span>
    </a>
  );
});
