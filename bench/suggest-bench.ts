// cases.suggestMatches (issue 22) on the 1M store: on an open case of the last 90 days (the case screen's call),
// and with what a clerk types at intake (phone, name, receipt, items, content). The raw anchor, in the same run:
// one bare read of the 90-day window's rows with the fields the suggestions compare (what a naive scan costs).
import type { Actor } from '../src-main/domain/case-machine';
import type { ServiceContext } from '../src-main/services/context';
import { suggestMatches } from '../src-main/services/case-match-suggest';
import { SUGGEST_DAYS } from '../src-main/shared/case-links';
import { median, timeMs } from './timing';

const DAY = 86_400_000;

export interface SuggestResult {
  caseMedianMs: number;
  caseP90Ms: number;
  intakeMedianMs: number;
  rawScanMedianMs: number;
  windowRows: number;
  samples: number;
  suggestionsPerCall: number;
}

interface Sample {
  id: string;
  customer_phone: string | null;
  customer_name: string | null;
  receipt_no: string | null;
  purchase_items: string;
  content: string;
}

const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? Number.NaN;

/** `samples` open cases of the window, spread over it (every k-th by rowid), each asked once after one warm-up call. */
export function benchSuggest(ctx: ServiceContext, actor: Actor, now: number, samples: number): SuggestResult {
  const since = now - SUGGEST_DAYS * DAY;
  const open = ctx.db
    .prepare(
      `SELECT id, customer_phone, customer_name, receipt_no, purchase_items, content FROM cases
        WHERE received_at >= ? AND status NOT IN ('filed', 'not_accepted') ORDER BY rid`,
    )
    .all(since) as Sample[];
  const step = Math.max(1, Math.floor(open.length / samples));
  const picked = open.filter((_, i) => i % step === 0).slice(0, samples);
  const scan = ctx.db.prepare(
    'SELECT rid, customer_phone, customer_name, receipt_no, purchase_items, content FROM cases WHERE received_at >= ?',
  );
  let windowRows = 0;
  const first = picked[0];
  if (first) suggestMatches(ctx, actor, { caseId: first.id });
  const caseMs: number[] = [];
  const intakeMs: number[] = [];
  const rawMs: number[] = [];
  let found = 0;
  for (const c of picked) {
    caseMs.push(timeMs(() => (found += suggestMatches(ctx, actor, { caseId: c.id }).length)));
    const items = (JSON.parse(c.purchase_items) as { name?: string; code?: string }[]).slice(0, 5).map((i) => ({
      name: i.name ?? undefined,
      code: i.code ?? undefined,
    }));
    intakeMs.push(
      timeMs(() =>
        suggestMatches(ctx, actor, {
          phone: c.customer_phone ?? undefined,
          name: c.customer_name ?? undefined,
          receiptNo: c.receipt_no ?? undefined,
          items,
          content: c.content.slice(0, 500),
        }),
      ),
    );
    rawMs.push(timeMs(() => (windowRows = scan.all(since).length)));
  }
  return {
    caseMedianMs: median(caseMs),
    caseP90Ms: p90(caseMs),
    intakeMedianMs: median(intakeMs),
    rawScanMedianMs: median(rawMs),
    windowRows,
    samples: picked.length,
    suggestionsPerCall: picked.length ? found / picked.length : 0,
  };
}
