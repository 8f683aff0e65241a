// A year of the working calendar as 12 month grids, Monday first (issue 21 §4): holidays, 调休上班 and chain
// closures coloured and marked with a character (休/班/闭, not colour alone), the holiday names in a legend.
// Editable when `onDay` is given: each day is a button that opens the day's editor. Used by the editor and
// by the preview of what branches receive.
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../../../src-main/shared/reference-data';
import { pick } from '../../i18n';
import './reference.css';
import { type DayKindShown, type GridCell, holidayNames, yearGrid } from './calendar-grid';

export const KIND_MARK: Record<DayKindShown, string> = { ordinary: '', holiday: '休', workday: '班', closed: '闭' };
const SHOWN: DayKindShown[] = ['holiday', 'workday', 'closed'];

interface Props {
  cal: Pick<CalendarYear, 'year' | 'days'>;
  onDay?: (cell: GridCell) => void;
  /** Dates changed against the published version, outlined. */
  changed?: ReadonlySet<string>;
  testId?: string;
}

export function YearGrid({ cal, onDay, changed, testId }: Props) {
  const { t } = useTranslation('console');
  const weekdays = t('reference.weekdays').split(',');
  const months = yearGrid(cal);
  const names = holidayNames(cal);

  const label = (c: GridCell) =>
    [
      c.date,
      weekdays[(new Date(`${c.date}T00:00:00Z`).getUTCDay() + 6) % 7],
      c.kind !== 'ordinary' && t(`reference.kind.${c.kind}`),
      c.entry && pick(c.entry.name),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div className="year-view" data-testid={testId}>
      <div className="year-months">
        {months.map((m) => (
          <table
            key={m.month}
            className="month-grid"
            aria-label={`${cal.year} ${t('reference.month', { m: m.month })}`}
          >
            <caption>{t('reference.month', { m: m.month })}</caption>
            <thead>
              <tr>
                {weekdays.map((w) => (
                  <th key={w} scope="col">
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.weeks.map((w, i) => (
                <tr key={i}>
                  {w.map((c, j) =>
                    c ? (
                      <td
                        key={c.date}
                        className={`day day-${c.kind}${c.weekend ? ' day-weekend' : ''}${changed?.has(c.date) ? ' day-changed' : ''}`}
                        data-date={c.date}
                        data-kind={c.kind}
                        title={label(c)}
                      >
                        {onDay ? (
                          <button type="button" aria-label={label(c)} onClick={() => onDay(c)}>
                            {c.day}
                            <span className="day-mark" aria-hidden>
                              {KIND_MARK[c.kind]}
                            </span>
                          </button>
                        ) : (
                          <span aria-label={label(c)}>
                            {c.day}
                            <span className="day-mark" aria-hidden>
                              {KIND_MARK[c.kind]}
                            </span>
                          </span>
                        )}
                      </td>
                    ) : (
                      <td key={`e${j}`} className="day-empty" />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="year-legend" aria-label={t('reference.legendTitle')}>
        {SHOWN.map((k) => (
          <span key={k} className="legend-item">
            <span className={`legend-swatch day-${k}`} aria-hidden>
              {KIND_MARK[k]}
            </span>
            {t(`reference.kind.${k}`)}
          </span>
        ))}
        {names.length > 0 && (
          <span className="legend-names">
            {t('reference.holidays')}:
            {names.map((n) => (
              <span key={`${n.name.zh}|${n.name.en}`} className="legend-name">
                {pick(n.name)} ({n.dates.length})
              </span>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}
