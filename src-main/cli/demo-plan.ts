// What each demo case will be: channel, category, customer, and the status it should reach.
// Most is drawn by weight; a few positions are fixed so that even a small seed shows every
// status, and so that one regular customer collects enough unfounded findings to be flagged.
import { CASE_STATUSES, type CaseStatus, type Channel } from '../shared/enums';
import { CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, type IntakeSpec } from './demo-intake';
import type { CasePlan } from './demo-lifecycle';
import type { DemoCustomer, DemoCustomers } from './demo-people';
import type { Rng } from './prng';

/** Where cases end up; older cases are mostly finished (see `planCase`). */
const TARGET_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['filed', 70],
  ['in_progress', 7],
  ['resolved', 5],
  ['fed_back', 5],
  ['registered', 4],
  ['disputed', 4],
  ['awaiting_instruction', 4],
  ['awaiting_review', 1],
  /** 不予受理: a few a month (not this branch's matter, no facts, anonymous without contact…). */
  ['not_accepted', 2],
];

/** Share of anonymous complaints per channel: letters and web messages are often unsigned. */
const ANONYMOUS: Partial<Record<Channel, number>> = {
  letter: 0.3,
  online: 0.2,
  email: 0.05,
  other: 0.05,
  in_store: 0.02,
};

/** Where in the run (as a share of N) the difficult customers complain; early, so their cases finish. */
const DIFFICULT_AT: readonly (readonly [0 | 1 | 2, number])[] = [
  [0, 0.05],
  [0, 0.18],
  [0, 0.31],
  [0, 0.44],
  [1, 0.1],
  [1, 0.36],
  [2, 0.24],
];

export interface PlannedCase {
  spec: Omit<IntakeSpec, 'localDate' | 'unitIds'>;
  plan: CasePlan;
}

export class DemoPlanner {
  private readonly difficultAt = new Map<number, 0 | 1 | 2>();

  constructor(
    private readonly rng: Rng,
    private readonly customers: DemoCustomers,
    total: number,
  ) {
    if (total >= 20) for (const [who, share] of DIFFICULT_AT) this.difficultAt.set(Math.floor(total * share), who);
  }

  /** The plan of the i-th case (0-based, in order of receipt), received `ageDays` before the end. */
  planCase(i: number, ageDays: number): PlannedCase {
    const rng = this.rng;
    const difficult = this.difficultAt.get(i);
    // One case in a hundred per status, spread over the run, guarantees every status exists.
    const forced = i % 100 < CASE_STATUSES.length ? CASE_STATUSES[i % 100] : undefined;
    // A case left half-done for weeks is the exception: old cases stall a quarter as often.
    const weights =
      ageDays > 10
        ? TARGET_WEIGHTS.map(([s, w]) => [s, s === 'filed' || s.startsWith('awaiting') ? w : w / 4] as const)
        : TARGET_WEIGHTS;
    const target: CaseStatus = difficult !== undefined ? 'filed' : (forced ?? rng.weighted(weights));
    let channel: Channel = rng.weighted(CHANNEL_WEIGHTS);
    let severity: 'general' | 'major' = rng.chance(0.04) ? 'major' : 'general';
    // Only a general government case goes to the manager's review (settings.signOff).
    if (forced === 'awaiting_review' && difficult === undefined) {
      channel = 'government';
      severity = 'general';
    }
    // A body's forwarded case is answered to the body, not declined at the counter.
    if (target === 'not_accepted' && channel === 'government') channel = 'phone';
    const category =
      difficult !== undefined ? rng.pick(['product_quality', 'price'] as const) : rng.weighted(CATEGORY_WEIGHTS);
    let customer: DemoCustomer | null;
    if (difficult !== undefined) customer = this.customers.difficult(difficult);
    else if (target !== 'disputed' && rng.chance(ANONYMOUS[channel] ?? 0)) customer = null;
    else customer = this.customers.pick(channel === 'phone');
    const late = target === 'filed' || target === 'awaiting_instruction' || target === 'awaiting_review';
    return {
      spec: { channel, category, severity, customer },
      plan: {
        target,
        unfounded: difficult !== undefined,
        dispute: customer !== null && (difficult !== undefined ? rng.chance(0.5) : rng.chance(0.08)),
        // Enough typical cases for the training library and the summary to show a handful.
        typical: late && rng.chance(0.08),
        reopen: target === 'filed' && difficult === undefined && rng.chance(0.04),
      },
    };
  }
}
