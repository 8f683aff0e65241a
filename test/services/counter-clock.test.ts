// The in-store clock (SPEC §4, procedure 来店申诉 "立刻解决"): resolving at the counter with the
// customer there meets the limit; otherwise the feedback does. Feedback time may be typed, within bounds.
import { afterEach, describe, expect, it } from 'vitest';
import { caseFacts } from '../../src-main/domain/summary';
import { createCase } from '../../src-main/services/case-intake';
import { getCase } from '../../src-main/services/case-read';
import { forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { computeSummary } from '../../src-main/services/reports';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const at = (iso: string) => Date.parse(iso);

/** An in-store case received 10:00, resolved 10:30, fed back 09:30 the next day. */
function inStoreCase(atCounter: boolean) {
  s = openTestStore({ at: at('2026-11-24T10:00:00+08:00') });
  const { secretary, staff } = s.users;
  const c = createCase(s.ctx, secretary, {
    channel: 'in_store',
    customer: { name: '周敏', phone: '139 1234 5678' },
    content: '购买的电饭煲内胆有划痕,要求更换。',
    categoryCode: 'product_quality',
  });
  forwardCase(s.ctx, secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
  s.clock.t = at('2026-11-24T10:30:00+08:00');
  const resolved = resolveCase(s.ctx, staff, {
    caseId: c.id,
    type: 'exchange',
    summary: '当场更换新品',
    amountFen: 39900,
    atCounter,
  });
  s.clock.t = at('2026-11-25T09:40:00+08:00');
  const fed = recordFeedback(s.ctx, secretary, {
    caseId: c.id,
    satisfaction: 'satisfied',
    disputed: false,
    fedBackAt: '2026-11-25T09:30:00+08:00',
  });
  return { c, resolved, fed };
}

function closingOf(caseId: string) {
  const month = computeSummary(s.ctx, s.users.secretary, { periodType: 'month', date: '2026-11-24' });
  const facts = caseFacts(getCase(s.ctx, s.users.secretary, { caseId }), []);
  return { month, closing: facts.closing };
}

describe('the in-store clock', () => {
  it('stops when the case is resolved at the counter: fed back next morning, still same day', () => {
    const { c, resolved, fed } = inStoreCase(true);
    expect(resolved.counterResolvedAt).toBe(at('2026-11-24T10:30:00+08:00'));
    // The handling limit is met at the counter: no deadline left to chase.
    expect(resolved.dueAt).toBeNull();
    expect(fed.firstFedBackAt).toBe(at('2026-11-25T09:30:00+08:00'));
    const { month, closing } = closingOf(c.id);
    expect(closing).toBe('same_day');
    expect(month.summary.closing.late).toBe(0);
  });

  it('runs on to the feedback when not resolved with the customer there: 09:30 next day is late', () => {
    const { c, resolved } = inStoreCase(false);
    expect(resolved.counterResolvedAt).toBeNull();
    expect(resolved.dueAt).toBe(at('2026-11-24T21:00:00+08:00'));
    const { month, closing } = closingOf(c.id);
    expect(closing).toBe('late');
    expect(month.summary.closing.late).toBe(1);
  });

  it('reaches head office: the synced snapshot parses and counts the same', () => {
    const { c } = inStoreCase(true);
    const rows = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
      .all(c.id) as { payload: string }[];
    const snap = CaseRecordSnapshot.parse(JSON.parse(rows[0]?.payload ?? '{}'));
    expect(snap.counterResolvedAt).toBe(at('2026-11-24T10:30:00+08:00'));
    expect(caseFacts(snap, []).closing).toBe('same_day');
  });

  it('refuses "at the counter" on a case that did not come in person, and changes nothing', () => {
    s = openTestStore();
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    const before = storeCounts(s.db);
    expect(() =>
      resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'apology', summary: '致歉', atCounter: true }),
    ).toThrow(/Only an in-store case can be resolved at the counter/);
    expect(storeCounts(s.db)).toEqual(before);
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('in_progress');
  });
});

describe('typed feedback time', () => {
  it('refuses a feedback time before the resolution or in the future, keeping the case as it was', () => {
    s = openTestStore({ at: at('2026-11-24T10:00:00+08:00') });
    const c = phoneCase(s);
    forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
    s.clock.t = at('2026-11-24T14:00:00+08:00');
    resolveCase(s.ctx, s.users.staff, { caseId: c.id, type: 'apology', summary: '致歉' });
    s.clock.t = at('2026-11-24T16:00:00+08:00');
    for (const fedBackAt of ['2026-11-24T13:00:00+08:00', '2026-11-24T18:00:00+08:00']) {
      expect(() =>
        recordFeedback(s.ctx, s.users.secretary, {
          caseId: c.id,
          satisfaction: 'satisfied',
          disputed: false,
          fedBackAt,
        }),
      ).toThrow(/after receipt and resolution/);
    }
    expect(getCase(s.ctx, s.users.secretary, { caseId: c.id }).status).toBe('resolved');
    const ok = recordFeedback(s.ctx, s.users.secretary, {
      caseId: c.id,
      satisfaction: 'satisfied',
      disputed: false,
      fedBackAt: '2026-11-24T15:00:00+08:00',
    });
    expect(ok.firstFedBackAt).toBe(at('2026-11-24T15:00:00+08:00'));
  });
});

describe('typed received time (letters, e-mail, online)', () => {
  it('keeps the arrival time typed for a letter and refuses one in the future, storing nothing', () => {
    s = openTestStore({ at: at('2026-11-24T10:00:00+08:00') });
    const letter = (receivedAt: string) =>
      createCase(s.ctx, s.users.secretary, {
        channel: 'letter',
        customer: { name: '蒋堃' },
        content: '来信反映收银员态度差',
        categoryCode: 'other',
        receivedAt,
      });
    const before = storeCounts(s.db);
    expect(() => letter('2026-11-24T18:00:00+08:00')).toThrow(/cannot be in the future/);
    expect(storeCounts(s.db)).toEqual(before);
    const c = letter('2026-11-23T09:15:00+08:00');
    expect(c.receivedAt).toBe(at('2026-11-23T09:15:00+08:00'));
    // The limit counts from the arrival: the same day's close, yesterday.
    expect(c.dueAt).toBe(at('2026-11-23T21:00:00+08:00'));
  });
});
