// A from–to pair of calendar dates as one labelled group (fits the filter rows at 1366 px).
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

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
        <Input
          id={`${idPrefix}-from`}
          type="date"
          value={from ?? ''}
          max={to}
          onChange={(e) => onChange('from', e.target.value || undefined)}
        />
        <span aria-hidden="true">–</span>
        <label htmlFor={`${idPrefix}-to`} className="sr-only">
          {t('filters.to')}
        </label>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          value={to ?? ''}
          min={from}
          onChange={(e) => onChange('to', e.target.value || undefined)}
        />
      </div>
    </div>
  );
}
