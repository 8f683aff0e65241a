// A from–to pair of calendar dates as one labelled group (fits the filter rows at 1366 px).
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../components/CalendarPickers';

interface Props {
  idPrefix: string;
  caption: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (key: 'from' | 'to', value: string | undefined) => void;
}

export function DateRange({ idPrefix, caption, from, to, onChange }: Props) {
  const { t } = useTranslation('console');
  return (
    <div role="group" aria-labelledby={`${idPrefix}-dates`}>
      <span className="field-caption" id={`${idPrefix}-dates`}>
        {caption}
      </span>
      <div className="date-pair">
        <label htmlFor={`${idPrefix}-from`} className="sr-only">
          {t('filters.from')}
        </label>
        <DayPicker
          id={`${idPrefix}-from`}
          value={from}
          max={to}
          width={140}
          onChange={(v) => onChange('from', v || undefined)}
        />
        <span aria-hidden="true">–</span>
        <label htmlFor={`${idPrefix}-to`} className="sr-only">
          {t('filters.to')}
        </label>
        <DayPicker
          id={`${idPrefix}-to`}
          value={to}
          min={from}
          width={140}
          onChange={(v) => onChange('to', v || undefined)}
        />
      </div>
    </div>
  );
}
