// The chain-wide facts behind the cross-branch flags (issue 18 §3, §4), computed from what head
// office holds: unfounded findings per normalised phone and branch over the last 12 months
// (hq_cases, every channel), and the receipt + item pairs returned by unvoided slips at two
// branches or more (slip records; the key the branch sent, else receiptKey() with the default format).
import { z } from 'zod';
import { receiptKey } from '../src-main/domain/receipt-number';
import type { CrossBranchRefund } from '../src-main/shared/cross-branch-protocol';
import type { HqStore } from './store';

const YEAR = 365 * 86_400_000;

export interface ChainFacts {
  computedAt: number;
  /** phone → branch → unfounded findings. */
  unfounded: Map<string, Map<string, number>>;
  doubleRefunds: CrossBranchRefund[];
}

const SlipFacts = z.looseObject({
  number: z.string(),
  status: z.string(),
  receiptNo: z.string(),
  receiptKey: z.string().nullish(),
  handledAt: z.number(),
  returnedLines: z.array(z.looseObject({ itemCode: z.string() })),
});

const readJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

async function unfoundedByPhone(store: HqStore, now: number): Promise<ChainFacts['unfounded']> {
  const rows = await store.all<{ phone: string; branch: string; n: number | string }>(
    `SELECT phone, branch, count(*) AS n FROM hq_cases
     WHERE finding = 'unfounded' AND phone IS NOT NULL AND received_at >= ? GROUP BY phone, branch`,
    [now - YEAR],
  );
  const out: ChainFacts['unfounded'] = new Map();
  for (const r of rows) {
    const per = out.get(r.phone) ?? new Map<string, number>();
    per.set(r.branch, Number(r.n));
    out.set(r.phone, per);
  }
  return out;
}

/** Receipt + item pairs returned at two branches or more by unvoided slips handled in the last 12 months. */
export async function doubleRefunds(store: HqStore, now: number): Promise<CrossBranchRefund[]> {
  const rows = await store.all<{ branch: string; payload: string }>(
    "SELECT branch, payload FROM records WHERE type = 'slip'",
  );
  const byPair = new Map<string, CrossBranchRefund>();
  for (const r of rows) {
    const s = SlipFacts.safeParse(readJson(r.payload));
    if (!s.success || s.data.status === 'void' || s.data.handledAt < now - YEAR) continue;
    const key = s.data.receiptKey || receiptKey(s.data.receiptNo);
    if (!key) continue;
    for (const itemCode of new Set(s.data.returnedLines.map((l) => l.itemCode))) {
      const k = `${key}\u0000${itemCode}`;
      const pair = byPair.get(k) ?? { receiptKey: key, itemCode, slips: [] };
      pair.slips.push({ branch: r.branch, number: s.data.number, handledAt: s.data.handledAt });
      byPair.set(k, pair);
    }
  }
  return [...byPair.values()]
    .filter((p) => new Set(p.slips.map((s) => s.branch)).size > 1)
    .map((p) => ({ ...p, slips: p.slips.sort((a, b) => a.handledAt - b.handledAt) }))
    .sort((a, b) =>
      a.receiptKey < b.receiptKey ? -1 : a.receiptKey > b.receiptKey ? 1 : a.itemCode < b.itemCode ? -1 : 1,
    );
}

/** What changed since: every import moves a cursor (a small table), so this is cheap to ask. */
async function generation(store: HqStore): Promise<string> {
  const g = await store.get<{ at: number | string | null; seq: number | string | null }>(
    'SELECT max(updated_at) AS at, sum(last_seq) AS seq FROM cursors',
  );
  return `${g?.at ?? 0}:${g?.seq ?? 0}`;
}

/**
 * The facts, recomputed when an import happened since and at most once per `refreshMs`
 * (every branch's sync asks; the slip scan is the costly part). Invariant: never older than
 * refreshMs plus one computation once imports stop.
 */
export class ChainFactsCache {
  private last: { gen: string; facts: ChainFacts } | null = null;
  private running: Promise<ChainFacts> | null = null;
  constructor(
    private readonly store: HqStore,
    private readonly refreshMs: number,
  ) {}

  async get(now: number): Promise<ChainFacts> {
    if (this.last && now - this.last.facts.computedAt < this.refreshMs) return this.last.facts;
    this.running ??= this.compute(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async compute(now: number): Promise<ChainFacts> {
    const gen = await generation(this.store);
    if (this.last && this.last.gen === gen) return this.last.facts;
    const facts = {
      computedAt: now,
      unfounded: await unfoundedByPhone(this.store, now),
      doubleRefunds: await doubleRefunds(this.store, now),
    };
    this.last = { gen, facts };
    return facts;
  }
}
