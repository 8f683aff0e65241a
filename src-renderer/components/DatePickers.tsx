// antd's DatePicker over string values: the only place dayjs appears (antd's date adapter).
// Forms keep ISO strings, as the contract does; time arithmetic elsewhere is luxon's.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  id: string;
  /** An ISO date or instant; empty or absent when nothing is picked. */
  value: string | undefined;
  onChange: (value: string) => void;
}

/** A calendar day, answered as YYYY-MM-DD ('' when cleared). */
export function DayPicker({ id, value, onChange }: Props) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : '')}
    />
  );
}

/** An instant to the minute, answered as an ISO string ('' when cleared). */
export function InstantPicker({ id, value, onChange }: Props) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange(d ? d.toISOString() : '')}
    />
  );
}
