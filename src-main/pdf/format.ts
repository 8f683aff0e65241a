// Formatting for printed forms: instants in the branch's time zone, yes/no boxes (money: domain/slips.ts).
import { DateTime } from 'luxon';

export const formatInstant = (ms: number | null | undefined, tz: string): string =>
  ms === null || ms === undefined ? '' : DateTime.fromMillis(ms, { zone: tz }).toFormat('yyyy-LL-dd HH:mm');

export const formatDate = (ms: number | null | undefined, tz: string): string =>
  ms === null || ms === undefined ? '' : DateTime.fromMillis(ms, { zone: tz }).toFormat('yyyy-LL-dd');

/** ■ for the chosen answer, □ for the other: the form shows both so nothing is left implicit. */
export const yesNo = (v: boolean | null | undefined, yes: string, no: string): string =>
  v === null || v === undefined ? `□${yes}  □${no}` : v ? `■${yes}  □${no}` : `□${yes}  ■${no}`;
