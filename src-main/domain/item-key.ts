// The key a purchased item is counted by across cases (issue 18 §2): its item code or barcode when
// recorded, else its normalised name. Pure; the branch's product flags and the head-office
// projection (hq_cases.item_keys) use the same function, so one item counts as one at both.
// The case records no brand or supplier: an item is known only by its code and its name.

/** A key: `code:<CODE>` or `name:<name>`; never empty for an item that has a name or a code. */
export type ItemKey = string;

const squeeze = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, ' ').trim();

/** The code as counted: full-width folded, spaces and dashes dropped, upper case ('6901-234 567' = '6901234567'). */
export const normaliseItemCode = (code: string): string => squeeze(code).replace(/[\s-]/gu, '').toUpperCase();

/** The name as counted: full-width folded, spaces collapsed, lower case ('Ａ牌  牛奶' = 'a牌 牛奶'). */
export const normaliseItemName = (name: string): string => squeeze(name).toLowerCase();

/** The item's key, or null for an item with neither code nor name. */
export function itemKeyOf(item: { name?: string | null; code?: string | null }): ItemKey | null {
  const code = item.code ? normaliseItemCode(item.code) : '';
  if (code) return `code:${code}`;
  const name = item.name ? normaliseItemName(item.name) : '';
  return name ? `name:${name}` : null;
}

/** The distinct keys of a case's items, in their order (a case counts once per item however many lines name it). */
export function itemKeysOf(items: readonly { name?: string | null; code?: string | null }[]): ItemKey[] {
  return [...new Set(items.map(itemKeyOf).filter((k): k is ItemKey => k !== null))];
}

/** The readable part of a key ('code:690…' → '690…'), for screens that show the key beside the name. */
export const itemKeyText = (key: ItemKey): string => key.replace(/^(code|name):/u, '');

/**
 * A name the key's item was recorded under in a case whose items and keys are stored one per line
 * (head office's hq_cases.items, item_keys): the item in the same place, or the case's only item.
 */
export function itemNameIn(key: ItemKey, items: string | null, itemKeys: string | null): string | null {
  if (!items || !itemKeys) return null;
  const names = items.split('\n');
  const keys = itemKeys.split('\n');
  const i = keys.indexOf(key);
  if (names.length === keys.length && i >= 0) return names[i] ?? null;
  return names.length === 1 ? (names[0] ?? null) : null;
}

/** The item as a person reads it: its name with the code ('男士皮鞋 (6901234567890)'), or the key's text. */
export function itemWords(key: ItemKey, items: string | null, itemKeys: string | null): string {
  const name = itemNameIn(key, items, itemKeys);
  const text = itemKeyText(key);
  return name && key.startsWith('code:') ? `${name} (${text})` : (name ?? text);
}
