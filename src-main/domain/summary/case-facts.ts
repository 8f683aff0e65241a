// One case (and its slips) reduced to the facts the summary counts (SPEC §8). Pure: the branch builds
// the snapshots from its SQLite store, head office from the synced records. Snapshots leave null
// fields out, so every input field may be absent or null.
//
// Deadlines need the branch's business hours, time zone and working calendar. The branch passes its settings
// with its calendar (services/working-calendar-cache.ts);
// head office, which does not know them, passes DEFAULT_BRANCH_SETTINGS (the default when the
// argument is omitted), so its same-day/next-day split can differ from the branch's for a
// branch with other hours or another zone.
import type {
  BodyAnswer,
  Cause,
  Channel,
  EscalationKind,
  FilingReason,
  Finding,
  FollowUpOutcome,
  ResolutionType,
  Satisfaction,
  Severity,
} from '../../shared/enums';
import { DEFAULT_BRANCH_SETTINGS } from '../../shared/settings-schema';
import type { Closing, FollowUpTally, SlipFacts, WrittenReply } from '../../shared/summary-types';
import type { CaseRecord, SlipRecord } from '../../shared/types';
import { BusinessCalendar } from '../business-calendar';
import type { DeadlineSettings } from '../deadlines';
import { type ItemFact, itemFacts } from './item-tally';

type Loose<T> = { [K in keyof T]?: T[K] | null };

/** A case as the branch store or a synced snapshot has it: only these five are always present. */
export type CaseSnapshot = Pick<CaseRecord, 'id' | 'number' | 'channel' | 'categoryCode' | 'receivedAt'> &
  Loose<
    Pick<
      CaseRecord,
      | 'severity'
      | 'complainedUnitId'
      | 'extendedAt'
      | 'firstFedBackAt'
      | 'satisfaction'
      | 'disputed'
      | 'disputedAt'
      | 'cause'
      | 'finding'
      | 'typical'
      | 'resolutionType'
      | 'counterResolvedAt'
      | 'status'
      | 'bodyAnswer'
      | 'firstWrittenReplyDate'
    >
  > & {
    escalations?: readonly { kind: EscalationKind }[] | null;
    /** answeredAt; keptAt in snapshots written before promises were answered one by one. */
    promises?: readonly PromiseTimes[] | null;
    /** The case's follow-ups (回访): the branch reads them from its store, head office from the follow-up records. */
    followUps?: readonly { outcome?: FollowUpOutcome | null; doneAt?: number | null }[] | null;
    filingReason?: FilingReason | null;
    /** The purchased items (code and name as typed); the summary counts the period's cases by item. */
    purchaseItems?: readonly { name?: string | null; code?: string | null }[] | null;
    /** Issue 22: the matter linked in, and the primary a duplicate was merged into (closed as 重复). */
    matterId?: string | null;
    mergedInto?: string | null;
  };

/** A promise as the summary needs it. */
export interface PromiseTimes {
  promisedAt: number;
  answeredAt?: number | null;
  keptAt?: number | null;
}

/** A return/exchange slip as stored or synced. */
export type SlipSnapshot = Pick<SlipRecord, 'id' | 'type' | 'status' | 'handledAt'> &
  Loose<
    Pick<SlipRecord, 'number' | 'returnedTotalFen' | 'refundFen' | 'qualityProblem' | 'deductCommission' | 'caseId'>
  >;

export interface SummaryFacts {
  caseId: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  /** null when no unit was recorded. */
  complainedUnitId: string | null;
  severity: Severity;
  /** The handling limit for this case (same day, next day, or the government reply days). */
  deadlineAt: number;
  closing: Closing;
  satisfaction: Satisfaction | null;
  cause: Cause | null;
  finding: Finding | null;
  disputed: boolean;
  escalationKinds: EscalationKind[];
  typical: boolean;
  resolutionType: ResolutionType | null;
  /** The case's slips that are not void. */
  slips: SlipFacts[];
  /** Each follow-up's outcome, or open while not done (free-text follow-ups from before outcome codes are left out). */
  followUps: readonly FollowUpTally[];
  /** Filed as "customer unreachable" (顾客无法联系). */
  filedUnreachable: boolean;
  /** Its promised reply times and when each was answered (null: not yet). */
  promises: readonly { promisedAt: number; answeredAt: number | null }[];
  /** Government channel only (null otherwise): the body's answer, and the first written reply against the limit. */
  bodyAnswer: BodyAnswer | null;
  writtenReply: WrittenReply | null;
  /** The case's distinct items by key (item-tally.ts); empty when it names none. */
  items: readonly ItemFact[];
  /** Issue 22: the matter it counts in — its matter, else the primary it was merged into, else itself. */
  matterKey: string;
}

/** Shared empties: most cases have no escalation and no slip, and a 100,000-case run should not allocate 200,000 empty arrays. */
const NO_ESCALATIONS: EscalationKind[] = [];
const NO_FOLLOW_UPS: FollowUpTally[] = [];
const NO_SLIPS: SlipFacts[] = [];
const NO_PROMISES: SummaryFacts['promises'] = [];

const calendars = new WeakMap<DeadlineSettings, BusinessCalendar>();
function calendarFor(s: DeadlineSettings): BusinessCalendar {
  let cal = calendars.get(s);
  if (!cal) {
    cal = new BusinessCalendar(s.businessHours, s.timeZone);
    calendars.set(s, cal);
  }
  return cal;
}

/** What the summary counts of a case's follow-ups: the outcome of each done one, open for the rest. */
function followUpTallies(list: CaseSnapshot['followUps']): FollowUpTally[] {
  if (!list || list.length === 0) return NO_FOLLOW_UPS;
  const out: FollowUpTally[] = [];
  for (const u of list) {
    if (u.outcome) out.push(u.outcome);
    else if (u.doneAt == null) out.push('open');
  }
  return out;
}

/** A slip's facts, or null for a void slip (it counts nowhere). */
export function slipFacts(s: SlipSnapshot): SlipFacts | null {
  if (s.status === 'void') return null;
  return {
    slipId: s.id,
    number: s.number ?? '',
    type: s.type,
    handledAt: s.handledAt,
    returnedFen: s.returnedTotalFen ?? 0,
    refundFen: s.refundFen ?? 0,
    qualityProblem: s.qualityProblem === true,
    deductCommission: s.deductCommission === true,
    caseId: s.caseId ?? null,
  };
}

/**
 * The facts of one case for the summary. `settings` are the branch's (business hours, time
 * zone, government reply days); pass the same object for every case of a run, the calendar
 * behind it is memoised per settings object.
 */
export function caseFacts(
  c: CaseSnapshot,
  slips: readonly SlipSnapshot[],
  settings: DeadlineSettings = DEFAULT_BRANCH_SETTINGS,
): SummaryFacts {
  const cal = calendarFor(settings);
  const day = cal.dayOf(c.receivedAt);
  // Same rule as deadlines.ts handlingDeadline (property-tested to agree): the working calendar's days.
  const limits = cal.limitsOf(day.date, settings);
  const sameDayClose = limits.sameDayClose;
  const nextDayClose = limits.nextDayClose;
  const deadlineAt =
    c.channel === 'government' ? cal.closeOf(limits.governmentDay) : c.extendedAt != null ? nextDayClose : sameDayClose;
  // In store, resolving at the counter with the customer there meets the limit; otherwise feedback does.
  const fed = (c.channel === 'in_store' ? c.counterResolvedAt : null) ?? c.firstFedBackAt ?? null;
  let closing: Closing = 'open';
  // 不予受理 closes the case without a handling limit: counted apart, neither open nor late.
  if (c.status === 'not_accepted') closing = 'not_accepted';
  // Issue 22: a duplicate merged into another case (closed as 重复) is counted apart; its matter is the primary's.
  else if (c.mergedInto) closing = 'duplicate';
  else if (fed !== null) {
    if (fed > deadlineAt) closing = 'late';
    else if (fed <= sameDayClose) closing = 'same_day';
    else if (fed <= nextDayClose) closing = 'next_day';
    else closing = 'within_limit';
  }
  // A government body's limit is a written reply within the reply days; the reply date is a local date (branch time).
  const writtenReply: WrittenReply | null =
    c.channel !== 'government'
      ? null
      : c.firstWrittenReplyDate == null
        ? 'none'
        : c.firstWrittenReplyDate <= limits.governmentDay
          ? 'on_time'
          : 'late';
  let facts = NO_SLIPS;
  for (const s of slips) {
    const f = slipFacts(s);
    if (f) facts = facts === NO_SLIPS ? [f] : [...facts, f];
  }
  return {
    caseId: c.id,
    number: c.number,
    receivedAt: c.receivedAt,
    channel: c.channel,
    categoryCode: c.categoryCode,
    complainedUnitId: c.complainedUnitId ?? null,
    severity: c.severity ?? 'general',
    deadlineAt,
    closing,
    satisfaction: c.satisfaction ?? null,
    cause: c.cause ?? null,
    finding: c.finding ?? null,
    // A dispute resolved later still counts: the period had a disputed case.
    disputed: c.disputed === true || c.disputedAt != null,
    escalationKinds: c.escalations && c.escalations.length > 0 ? c.escalations.map((e) => e.kind) : NO_ESCALATIONS,
    typical: c.typical === true,
    resolutionType: c.resolutionType ?? null,
    slips: facts,
    followUps: followUpTallies(c.followUps),
    filedUnreachable: c.filingReason === 'customer_unreachable',
    promises:
      c.promises && c.promises.length > 0
        ? c.promises.map((p) => ({ promisedAt: p.promisedAt, answeredAt: p.answeredAt ?? p.keptAt ?? null }))
        : NO_PROMISES,
    bodyAnswer: c.channel === 'government' ? (c.bodyAnswer ?? null) : null,
    writtenReply,
    items: itemFacts(c.purchaseItems),
    matterKey: c.matterId ?? c.mergedInto ?? c.id,
  };
}
