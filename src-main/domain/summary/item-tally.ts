// The summary's 按商品 count (issue 18 §2): the period's cases by purchased item, keyed as domain/item-key.ts
// keys them (code folded, else normalised name), so two spellings of one code count as one item. Pure.
// Invariant: a case counts once per key; a case naming no item counts nowhere here.
import type { Finding } from '../../shared/enums';
import type { ItemRow } from '../../shared/summary-types';
import { itemKeyOf, itemKeyText } from '../item-key';

/** A case's item as the summary needs it: its key, and the name typed for it. */
export interface ItemFact {
  key: string;
  name: string;
}

const NO_ITEMS: ItemFact[] = [];

/** The distinct items of a case (first line per key), from its purchase lines as stored or synced. */
export function itemFacts(
  items: readonly { name?: string | null; code?: string | null }[] | null | undefined,
): ItemFact[] {
  if (!items || items.length === 0) return NO_ITEMS;
  const byKey = new Map<string, ItemFact>();
  for (const it of items) {
    const key = itemKeyOf(it);
    if (key !== null && !byKey.has(key)) byKey.set(key, { key, name: (it.name ?? '').trim() });
  }
  return byKey.size === 0 ? NO_ITEMS : [...byKey.values()];
}

interface Tally {
  count: number;
  founded: number;
  name: string;
  /** receivedAt of the case the name was taken from; a later case's non-empty name replaces it. */
  nameAt: number;
}

export class ItemTally {
  private readonly byKey = new Map<string, Tally>();

  add(items: readonly ItemFact[], receivedAt: number, finding: Finding | null): void {
    const founded = finding === 'founded' || finding === 'partly_founded' ? 1 : 0;
    for (const it of items) {
      const t = this.byKey.get(it.key);
      if (!t) {
        this.byKey.set(it.key, { count: 1, founded, name: it.name, nameAt: receivedAt });
        continue;
      }
      t.count++;
      t.founded += founded;
      if (it.name && (receivedAt >= t.nameAt || !t.name)) {
        t.name = it.name;
        t.nameAt = receivedAt;
      }
    }
  }

  /** The `limit` most complained-about items (count descending, then key), and how many items there are. */
  rows(limit: number): { rows: ItemRow[]; total: number } {
    const sorted = [...this.byKey].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0));
    return {
      total: sorted.length,
      rows: sorted.slice(0, limit).map(([key, t]) => ({
        key,
        name: t.name || itemKeyText(key),
        code: key.startsWith('code:') ? itemKeyText(key) : null,
        count: t.count,
        founded: t.founded,
      })),
    };
  }
}
