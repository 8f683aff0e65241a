// antd's DatePicker for an instant, typed in the branch's time zone (days, months and weeks: CalendarPickers.tsx).
// Forms keep ISO strings, as the contract does; time arithmetic elsewhere is luxon's; dayjs is antd's date adapter.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { instantOfWall, useBranchZone, wallOfInstant } from '../lib/branch-zone';

interface Props {
  id: string;
  /** An ISO date or instant; empty or absent when nothing is picked. */
  value: string | undefined;
  onChange: (value: string) => void;
}

/**
 * An instant to the minute, typed and shown as wall time in the branch's time zone (not the PC's),
 * answered as an ISO string with the branch's offset ('' when cleared).
 */
export function InstantPicker({ id, value, onChange }: Props) {
  const zone = useBranchZone();
  const wall = value ? wallOfInstant(value, zone) : null;
  // dayjs here only carries the wall-clock fields between antd and luxon; its own zone is never used.
  const shown = wall ? dayjs(new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)) : null;
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={shown}
      onChange={(d) =>
        onChange(
          d
            ? instantOfWall(
                { year: d.year(), month: d.month() + 1, day: d.date(), hour: d.hour(), minute: d.minute() },
                zone,
              )
            : '',
        )
      }
    />
  );
}
