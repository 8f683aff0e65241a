// Product-wide problems at the branch (issue 18 §2, 004 "是否带有普遍性"): an item (domain/item-key.ts)
// with at least productFlagMinCases complaints received in the last productFlagDays days is
// flagged. Computed at read time over the window's cases (index cases_report leads with
// received_at). The cases listed are those this user may list (unit scope); the customers who
// complained, for the 主动访谈 calls, only to those who may schedule follow-ups (named cases only).
import { maskedPhone } from '../shared/personal-data';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { itemKeysOf, itemKeyText } from '../domain/item-key';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import type { PurchaseItem } from '../shared/types';
import type { FlaggedItems, ItemComplainant } from '../shared/product-types';
import { FlaggedItemInput } from '../shared/schemas/products';
import type { ServiceContext } from './context';
import { unitScope } from './unit-scope';
import { withInput, type Parsed } from './with-input';

const DAY = 86_400_000;

type Row = {
  id: string;
  number: string;
  status: string;
  receivedAt: number;
  items: string;
  listable: number;
  anonymous: number;
  customerName: string | null;
  customerPhone: string | null;
  customerId: string | null;
};

const parseItems = (json: string): PurchaseItem[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is PurchaseItem => typeof x === 'object' && x !== null) : [];
  } catch {
    return [];
  }
};

/** The window's cases that name an item, newest first, each with its keys and whether `actor` may list it. */
function windowCases(ctx: ServiceContext, actor: Actor) {
  const s = ctx.settings();
  const scope = unitScope(ctx, actor);
  const rows = stmt(
    ctx.db,
    `SELECT c.id, c.number, c.status, c.received_at AS receivedAt, c.purchase_items AS items, (${scope.sql}) AS listable,
       c.anonymous, c.customer_name AS customerName, c.customer_phone AS customerPhone, c.customer_id AS customerId
     FROM cases c WHERE c.received_at >= ? AND c.purchase_items <> '[]' ORDER BY c.received_at DESC, c.id`,
  ).all(...scope.args, ctx.now() - s.productFlagDays * DAY) as Row[];
  return rows.map((r) => {
    const items = parseItems(r.items);
    return { row: r, items, keys: itemKeysOf(items) };
  });
}

export type WindowCase = ReturnType<typeof windowCases>[number];

/** The flagged items as of now, the most complained about first; every case counts, listed or not. */
export function flaggedItems(ctx: ServiceContext, actor: Actor): FlaggedItems {
  const s = ctx.settings();
  const byKey = new Map<string, WindowCase[]>();
  for (const c of windowCases(ctx, actor)) for (const k of c.keys) byKey.set(k, [...(byKey.get(k) ?? []), c]);
  const items = [...byKey]
    .filter(([, list]) => list.length >= s.productFlagMinCases)
    .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
    .map(([key, list]) => ({
      key,
      label: itemKeyText(key),
      name: nameOf(key, list),
      cases: list.length,
      caseList: list
        .filter((c) => c.row.listable === 1)
        .map((c) => ({
          caseId: c.row.id,
          caseNumber: c.row.number,
          status: c.row.status,
          receivedAt: c.row.receivedAt,
        })),
    }));
  return { minCases: s.productFlagMinCases, days: s.productFlagDays, items };
}

const nameOf = (key: string, list: WindowCase[]): string => {
  for (const c of list) {
    const it = c.items.find((i) => itemKeysOf([i])[0] === key);
    if (it?.name) return it.name;
  }
  return itemKeyText(key);
};

/**
 * The cases of one flagged item grouped by customer (customer id, else phone, else name), each
 * group newest first: those this user may list, named ones only (an anonymous customer cannot be called).
 */
export function complainantCases(ctx: ServiceContext, actor: Actor, itemKey: string): WindowCase[][] {
  if (!can(actor.role, 'follow_up'))
    throw refuse(
      'FORBIDDEN',
      '只有秘书室、值班主管和店长可以查看主动访谈名单',
      'Only the secretary office, duty supervisors and the manager may see the call list',
    );
  const flagged = flaggedItems(ctx, actor).items.some((i) => i.key === itemKey);
  if (!flagged)
    throw refuse('NOT_FOUND', '这个商品目前没有被标记', 'This item is not flagged now', [
      { field: 'itemKey', message: { zh: '这个商品目前没有被标记', en: 'This item is not flagged now' } },
    ]);
  const groups = new Map<string, WindowCase[]>();
  for (const c of windowCases(ctx, actor)) {
    if (!c.keys.includes(itemKey) || c.row.listable !== 1 || c.row.anonymous === 1) continue;
    const who = c.row.customerId ?? c.row.customerPhone ?? c.row.customerName;
    if (who === null) continue;
    groups.set(who, [...(groups.get(who) ?? []), c]);
  }
  return [...groups.values()];
}

/** The customers who complained about a flagged item, for the 主动访谈 calls (newest case of each). */
export const itemComplainants = withInput(
  FlaggedItemInput,
  function itemComplainants(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof FlaggedItemInput>,
  ): ItemComplainant[] {
    return complainantCases(ctx, actor, input.itemKey)
      .map(([c]) => c as WindowCase)
      .map((c) => ({
        caseId: c.row.id,
        caseNumber: c.row.number,
        status: c.row.status,
        receivedAt: c.row.receivedAt,
        customerName: c.row.customerName,
        // issue 20: masked for every viewer; the calls are made through follow-ups, whose assignee sees it.
        customerPhone: maskedPhone(c.row.customerPhone),
      }));
  },
);
