// The intake notice's receipt lookup on the 1M store (issue 16; migration 0034 stores the key): intakeMatches with a
// receipt number as a clerk types it, one that matches a case and one that matches none, beside the raw anchor in the
// same run, one bare probe of cases_receipt_key. Before the key was stored the lookup computed it over every case with
// a receipt: 2.4–3 s at 1M cases.
import type { Actor } from '../src-main/domain/case-machine';
import { receiptKey } from '../src-main/domain/receipt-number';
import type { ServiceContext } from '../src-main/services/context';
import { intakeMatches } from '../src-main/services/intake-matches';
import type { Figure } from './report';
import { median, timeMs } from './timing';

export function intakeNoticeFigures(ctx: ServiceContext, clerk: Actor, scaleNote: string): Figure[] {
  const runs = 15;
  const typed = ctx.db
    .prepare('SELECT receipt_no FROM cases WHERE receipt_no IS NOT NULL ORDER BY rid DESC LIMIT 1')
    .pluck()
    .get() as string;
  const timed = (receiptNo: string) => {
    intakeMatches(ctx, clerk, { receiptNo });
    return median(Array.from({ length: runs }, () => timeMs(() => intakeMatches(ctx, clerk, { receiptNo }))));
  };
  const found = timed(typed.toLowerCase());
  const none = timed('R20991231-9999');
  const probe = ctx.db.prepare('SELECT id FROM cases WHERE receipt_key = ? LIMIT 20');
  const key = receiptKey(typed, ctx.settings().receiptSerialStart);
  const raw = median(Array.from({ length: runs }, () => timeMs(() => probe.all(key))));
  const how = `median of ${runs}, as clerk ${clerk.staffNo}${scaleNote}`;
  return [
    {
      name: 'intake_receipt_ms_1m',
      value: found,
      unit: 'ms',
      note: `intakeMatches with a stored case's receipt number typed in lower case (cases and slips, the clerk's scope); ${how}`,
    },
    {
      name: 'intake_receipt_none_ms_1m',
      value: none,
      unit: 'ms',
      note: `the same with a receipt number no case or slip has; ${how}`,
    },
    {
      name: 'raw_receipt_probe_ms_1m',
      value: raw,
      unit: 'ms',
      note: `the anchor: one bare SELECT of cases by receipt_key through cases_receipt_key; ${how}`,
    },
  ];
}
