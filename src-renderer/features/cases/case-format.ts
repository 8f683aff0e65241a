// How the case screen words the record's values: times in the branch's zone, names for ids,
// amounts in yuan, yes/no — one helper the group components share.
import type { TFunction } from 'i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { formatTime, yuan } from '../../lib/format';

export interface CaseFormat {
  t: TFunction;
  time: (ms: number | null) => string | null;
  name: (id: string | null) => string | null;
  money: (fen: number | null) => string | null;
  yesNo: (b: boolean | null) => string | null;
}

export function caseFormat(
  t: TFunction,
  c: Pick<CaseView, 'names'>,
  units: { id: string; name: string }[] | undefined,
  timeZone: string,
  lang: string,
): CaseFormat {
  return {
    t,
    time: (ms) => (ms === null ? null : formatTime(ms, timeZone, lang)),
    name: (id) => (id === null ? null : (c.names[id] ?? units?.find((u) => u.id === id)?.name ?? id)),
    money: (fen) => (fen === null ? null : t('common.yuan', { v: yuan(fen) })),
    yesNo: (b) => (b === null ? null : t(b ? 'yesNo.yes' : 'yesNo.no')),
  };
}
