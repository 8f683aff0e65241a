// SPEC §9 at head office: the same customer (normalised phone, else exact name; anonymous
// cases never match) complaining at several branches or through several channels about the
// same matter (the same receipt no., or a purchased item of the same name, within
// SAME_MATTER_DAYS of each other). Candidates are found in SQL by customer; the matter is
// matched in JS, linking cases transitively.
import { maskPhone } from '../../src-main/shared/phone';
import type { CaseStatus, Channel, Finding } from '../../src-main/shared/enums';
import type { HqStore, Param } from '../store';
import { type RepeatComplainant, type RepeatQuery, SAME_MATTER_DAYS } from './api-contract';
import { dayEnd, dayStart } from './dates';

const DAY = 86_400_000;
const MAX_CUSTOMERS = 2000;

type Row = {
  who: string;
  branch: string;
  id: string;
  number: string;
  channel: string;
  status: string;
  received_at: number;
  finding: string | null;
  phone: string | null;
  customer_name: string | null;
  receipt_no: string | null;
  items: string | null;
};

const WHO = "coalesce(phone, 'n:' || customer_name)";

export async function repeatComplainants(store: HqStore, q: RepeatQuery, now: number): Promise<RepeatComplainant[]> {
  const to = q.to ? dayEnd(q.to) : now + 1;
  const from = q.from ? dayStart(q.from) : to - 365 * DAY;
  // Cases up to SAME_MATTER_DAYS before the window can be the other half of a pair in it.
  const since = from - SAME_MATTER_DAYS * DAY;
  const params: Param[] = [since, to];
  let having = 'count(DISTINCT branch) > 1 OR count(DISTINCT channel) > 1';
  if (q.branch) {
    having = `(${having}) AND sum(CASE WHEN branch = ? THEN 1 ELSE 0 END) > 0`;
    params.push(q.branch);
  }
  const who = await store.all<{ who: string }>(
    `SELECT ${WHO} AS who FROM hq_cases WHERE (phone IS NOT NULL OR customer_name IS NOT NULL) AND received_at >= ? AND received_at < ?
     GROUP BY ${WHO} HAVING ${having} ORDER BY max(received_at) DESC LIMIT ${MAX_CUSTOMERS}`,
    params,
  );
  if (who.length === 0) return [];
  const keys = who.map((w) => w.who);
  const phones = keys.filter((k) => !k.startsWith('n:'));
  const names = keys.filter((k) => k.startsWith('n:')).map((k) => k.slice(2));
  const cond: string[] = [];
  const p: Param[] = [since, to];
  if (phones.length) {
    cond.push(`phone IN (${phones.map(() => '?').join(', ')})`);
    p.push(...phones);
  }
  if (names.length) {
    cond.push(`(phone IS NULL AND customer_name IN (${names.map(() => '?').join(', ')}))`);
    p.push(...names);
  }
  const rows = await store.all<Row>(
    `SELECT ${WHO} AS who, branch, id, number, channel, status, received_at, finding, phone, customer_name, receipt_no, items
     FROM hq_cases WHERE received_at >= ? AND received_at < ? AND (${cond.join(' OR ')}) ORDER BY received_at, branch, id`,
    p,
  );
  const byWho = new Map<string, Row[]>();
  for (const r of rows) byWho.set(r.who, [...(byWho.get(r.who) ?? []), r]);
  const groups: RepeatComplainant[] = [];
  for (const [w, cases] of byWho) groups.push(...matterGroups(w, cases));
  return groups
    .filter((g) => g.lastAt >= from && (!q.branch || g.branches.includes(q.branch)))
    .sort((a, b) => b.lastAt - a.lastAt || (a.key < b.key ? -1 : 1))
    .slice(0, q.limit);
}

const itemsOf = (r: Row) =>
  r.items
    ? r.items
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The same customer's cases linked by matter (receipt or item within the window), as flagged groups. */
export function matterGroups(who: string, cases: Row[]): RepeatComplainant[] {
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const matterOf = new Map<number, { kind: 'receipt' | 'item'; value: string }>();
  for (let i = 0; i < cases.length; i++) {
    for (let j = i + 1; j < cases.length; j++) {
      const a = cases[i] as Row;
      const b = cases[j] as Row;
      if (b.received_at - a.received_at > SAME_MATTER_DAYS * DAY) break;
      let m: { kind: 'receipt' | 'item'; value: string } | null = null;
      if (a.receipt_no && a.receipt_no === b.receipt_no) m = { kind: 'receipt', value: a.receipt_no };
      else {
        const shared = itemsOf(a).find((x) => itemsOf(b).includes(x));
        if (shared) m = { kind: 'item', value: shared };
      }
      if (!m) continue;
      const ra = find(i);
      const rb = find(j);
      if (ra !== rb) parent[rb] = ra;
      const root = find(i);
      if (!matterOf.has(root)) matterOf.set(root, matterOf.get(ra) ?? matterOf.get(rb) ?? m);
    }
  }
  const comps = new Map<number, Row[]>();
  cases.forEach((c, i) => comps.set(find(i), [...(comps.get(find(i)) ?? []), c]));
  const out: RepeatComplainant[] = [];
  for (const [root, rows] of comps) {
    if (rows.length < 2) continue;
    const branches = [...new Set(rows.map((r) => r.branch))].sort();
    const channels = [...new Set(rows.map((r) => r.channel as Channel))].sort();
    if (branches.length < 2 && channels.length < 2) continue;
    const first = rows[0] as Row;
    out.push({
      key: `${who}|${first.branch}|${first.id}`,
      matchedBy: who.startsWith('n:') ? 'name' : 'phone',
      customerName: rows.find((r) => r.customer_name)?.customer_name ?? null,
      customerPhoneMasked: first.phone ? maskPhone(first.phone) : null,
      matter: matterOf.get(root) as { kind: 'receipt' | 'item'; value: string },
      branches,
      channels,
      firstAt: first.received_at,
      lastAt: (rows[rows.length - 1] as Row).received_at,
      cases: rows.map((r) => ({
        branch: r.branch,
        id: r.id,
        number: r.number,
        channel: r.channel as Channel,
        status: r.status as CaseStatus,
        receivedAt: r.received_at,
        finding: r.finding as Finding | null,
      })),
    });
  }
  return out;
}
