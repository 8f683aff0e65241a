// antd's DatePicker for calendar values that carry no time of day — a day (YYYY-MM-DD), a month (YYYY-MM) and an
// ISO week (2026-W48) — shared by the branch's screens and the console: the words, month names and the first day
// of the week follow the screen's language (App.tsx sets dayjs's locale; English is en-gb, whose weeks start on
// Monday as ISO weeks and Chinese calendars do), never the PC's or browser's own locale as <input type="date"> did.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isoWeekOf, mondayOfIsoWeek } from '../lib/iso-week';

interface Props {
  id: string;
  /** The value in the picker's own form; empty or absent when nothing is picked. */
  value: string | undefined;
  onChange: (value: string) => void;
  /** Earliest and latest day that may be picked (YYYY-MM-DD). */
  min?: string | undefined;
  max?: string | undefined;
  width?: number | string;
}

/** Days outside [min, max] greyed out. */
const outside =
  (min: string | undefined, max: string | undefined) =>
  (d: Dayjs): boolean => {
    const day = d.format('YYYY-MM-DD');
    return (min !== undefined && day < min) || (max !== undefined && day > max);
  };

/** A calendar day, answered as YYYY-MM-DD ('' when cleared). */
export function DayPicker({ id, value, onChange, min, max, width = '100%' }: Props) {
  return (
    <DatePicker
      id={id}
      style={{ width }}
      format="YYYY-MM-DD"
      value={value ? dayjs(value) : null}
      disabledDate={min || max ? outside(min, max) : undefined}
      onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : '')}
    />
  );
}

/** A month, answered as YYYY-MM ('' when cleared). */
export function MonthPicker({ id, value, onChange, width = '100%' }: Props) {
  return (
    <DatePicker
      id={id}
      picker="month"
      style={{ width }}
      format="YYYY-MM"
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM') : '')}
    />
  );
}

/** The ISO week (2026-W48) of the day a dayjs value holds. */
export const isoWeekOfDay = (d: Dayjs): string => isoWeekOf(d.format('YYYY-MM-DD'));

/** An ISO week, picked by clicking its row; answered as 2026-W48 ('' when cleared) and shown the same way. */
export function WeekPicker({ id, value, onChange, width = '100%' }: Props) {
  const monday = value ? mondayOfIsoWeek(value) : null;
  return (
    <DatePicker
      id={id}
      picker="week"
      style={{ width }}
      format={isoWeekOfDay}
      value={monday ? dayjs(monday) : null}
      onChange={(d: Dayjs | null) => onChange(d ? isoWeekOfDay(d) : '')}
    />
  );
}
