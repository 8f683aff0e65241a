// Twelve month grids of a working-calendar year (issue 21 §2), Monday first: holidays, 调休上班, chain
// closures and the branch's own closures marked (colour and a letter, so it reads without colour too),
// weekends dimmed; a day's name in its tooltip.
import { Tooltip } from 'antd';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import type { CalendarYearView } from '../../../src-main/shared/working-calendar-view';

export type DayMark = 'holiday' | 'workday' | 'closed' | 'localClosure';

const MARK_LETTER: Record<DayMark, { zh: string; en: string }> = {
  holiday: { zh: '休', en: 'H' },
  workday: { zh: '班', en: 'W' },
  closed: { zh: '停', en: 'C' },
  localClosure: { zh: '店', en: 'B' },
};

export function markLetter(mark: DayMark, lang: string): string {
  return lang === 'en' ? MARK_LETTER[mark].en : MARK_LETTER[mark].zh;
}

/** What the grid shows of each listed date: the branch's closure over head office's kind. */
function marks(view: CalendarYearView, lang: string): Map<string, { mark: DayMark; title: string }> {
  const m = new Map<string, { mark: DayMark; title: string }>();
  for (const d of view.calendar?.days ?? [])
    m.set(d.date, { mark: d.kind, title: lang === 'en' ? d.name.en : d.name.zh });
  for (const c of view.localClosures) m.set(c.date, { mark: 'localClosure', title: c.reason });
  return m;
}

export function YearGrid({ view }: { view: CalendarYearView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byDate = marks(view, lang);
  const weekdays = t('cal.weekdays').split(' ');
  return (
    <div className="cal-year" data-testid="calendar-year">
      {Array.from({ length: 12 }, (_, i) => {
        const first = DateTime.utc(view.year, i + 1, 1);
        const lead = first.weekday - 1;
        const days = first.daysInMonth ?? 30;
        const name = lang === 'en' ? first.setLocale('en').toFormat('LLLL') : t('cal.month', { m: i + 1 });
        return (
          <section key={i} className="cal-month" aria-label={name}>
            <h3>{name}</h3>
            <div className="cal-days">
              {weekdays.map((w) => (
                <span key={w} className="cal-head">
                  {w}
                </span>
              ))}
              {Array.from({ length: lead }, (_, k) => (
                <span key={`pad${k}`} />
              ))}
              {Array.from({ length: days }, (_, k) => {
                const day = first.plus({ days: k });
                const date = day.toISODate() ?? '';
                const mark = byDate.get(date);
                const weekend = day.weekday >= 6;
                const cls = ['cal-day', mark ? `cal-${mark.mark}` : weekend ? 'cal-weekend' : ''].join(' ');
                const cell = (
                  <span key={date} className={cls} data-date={date} data-mark={mark?.mark ?? ''}>
                    {k + 1}
                    {mark && <sup>{markLetter(mark.mark, lang)}</sup>}
                  </span>
                );
                return mark ? (
                  <Tooltip key={date} title={`${date} ${t(`cal.${mark.mark}`)}:${mark.title}`}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

export function Legend() {
  const { t, i18n } = useTranslation();
  const marks: DayMark[] = ['holiday', 'workday', 'closed', 'localClosure'];
  return (
    <div className="cal-legend" aria-label={t('cal.legend')}>
      {marks.map((m) => (
        <span key={m}>
          <span className={`cal-day cal-${m}`}>
            <sup>{markLetter(m, i18n.language)}</sup>
          </span>
          {t(`cal.${m}`)}
        </span>
      ))}
      <span>
        <span className="cal-day cal-weekend">6</span>
        {t('cal.weekend')}
      </span>
    </div>
  );
}
