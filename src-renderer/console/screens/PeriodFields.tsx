// The summary's period (week or month) and the day it contains, as the summary and the branches
// side by side both choose them; `idPrefix` keeps their field ids apart.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../components/CalendarPickers';

export type Period = 'week' | 'month';

export function PeriodFields({
  idPrefix,
  period,
  date,
  set,
}: {
  idPrefix: string;
  period: Period;
  date: string;
  set: (k: 'period' | 'date', v: string) => void;
}) {
  const { t } = useTranslation('console');
  return (
    <>
      <div>
        <span className="field-caption" id={`${idPrefix}period-label`}>
          {t('summary.period')}
        </span>
        <Segmented<Period>
          aria-labelledby={`${idPrefix}period-label`}
          value={period}
          onChange={(v) => set('period', v)}
          options={[
            { value: 'week', label: t('summary.week') },
            { value: 'month', label: t('summary.month') },
          ]}
        />
      </div>
      <div>
        <label htmlFor={`${idPrefix}date`}>{t('summary.anchor')}</label>
        <DayPicker id={`${idPrefix}date`} value={date} onChange={(v) => v && set('date', v)} />
      </div>
    </>
  );
}
