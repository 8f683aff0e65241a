// A case change returns what it wrote instead of reading the case back: the returned record must
// equal what loadCase reads afterwards, field for field, for intake and for every kind of change
// (patches, child rows, a timeline entry whose clock went backwards), and the sync snapshot too.
import { afterEach, describe, expect, it } from 'vitest';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { applyInstruction, promiseReply, recordFinding, setTypical } from '../../src-main/services/case-details';
import { escalateCase, forwardCase, recordFeedback, resolveCase } from '../../src-main/services/case-workflow';
import { addNote } from '../../src-main/services/case-details';
import { DateTime } from 'luxon';
import { businessDayOf, closeOf, localMonth } from '../../src-main/domain/business-time';
import { AppError } from '../../src-main/shared/errors';
import type { CaseRecord } from '../../src-main/shared/types';
import { openTestStore, phoneCase, storeCounts, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const HOUR = 3_600_000;

/** The returned record is what a fresh read gives, and the outbox carries that same snapshot. */
function readsBackAs(c: CaseRecord): void {
  expect(c).toStrictEqual(loadCase(s.db, c.id));
  const { payload } = s.db
    .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
    .get(c.id) as { payload: string };
  const sent: Record<string, unknown> = JSON.parse(payload);
  const read = JSON.parse(JSON.stringify(loadCase(s.db, c.id), (_k, v: unknown) => (v === null ? undefined : v)));
  expect(sent).toStrictEqual(read);
}

describe('a case change returns what it wrote', () => {
  it('intake: named, anonymous and government cases equal their read-back', () => {
    s = openTestStore();
    readsBackAs(phoneCase(s));
    readsBackAs(phoneCase(s, { anonymous: true, customer: {} }));
    readsBackAs(
      phoneCase(s, {
        channel: 'government',
        government: { body: '12315', referenceNo: 'GOV-1', contactPerson: '周科员', contactPhone: '010 1234 5678' },
      }),
    );
  });

  it('changes with patches and child rows (promise, escalation, 批示, finding, flag) equal their read-back', () => {
    s = openTestStore();
    const c = phoneCase(s);
    s.clock.t += HOUR;
    readsBackAs(
      promiseReply(s.ctx, s.users.clerk, { caseId: c.id, promisedAt: new Date(s.clock.t + HOUR).toISOString() }),
    );
    s.clock.t += 60_000;
    readsBackAs(forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes }));
    s.clock.t += 60_000;
    // The resolution also answers its warnings (none for an explanation); the record part is what was written.
    const { warnings, ...resolved } = resolveCase(s.ctx, s.users.staff, {
      caseId: c.id,
      type: 'explanation',
      summary: '已过退货期',
    });
    expect(warnings).toEqual([]);
    readsBackAs(resolved);
    s.clock.t += 60_000;
    const disputed = recordFeedback(s.ctx, s.users.secretary, {
      caseId: c.id,
      satisfaction: 'unsatisfied',
      disputed: true,
    });
    readsBackAs(disputed);
    s.clock.t += 60_000;
    readsBackAs(
      escalateCase(s.ctx, s.users.supervisor, {
        caseId: c.id,
        kind: 'duty_supervisor',
        note: '值班主管到场协调',
        outcome: '同意按质量问题退货',
      }),
    );
    s.clock.t += 60_000;
    const applied = applyInstruction(s.ctx, {
      caseId: c.id,
      instructionId: '018f0000-0000-7000-8000-000000000001',
      text: '请尽快回复顾客',
      reviewerName: '总部周',
      instructedAt: new Date(s.clock.t - 60_000).toISOString(),
    });
    readsBackAs(applied.case);
    s.clock.t += 60_000;
    readsBackAs(
      recordFinding(s.ctx, s.users.secretary, { caseId: c.id, cause: 'product_or_service', finding: 'founded' }),
    );
    readsBackAs(setTypical(s.ctx, s.users.manager, { caseId: c.id, typical: true }));
  });

  it('a timeline entry made on a clock set back lands where the read-back orders it', () => {
    s = openTestStore();
    const c = phoneCase(s);
    s.clock.t += 2 * HOUR;
    addNote(s.ctx, s.users.secretary, { caseId: c.id, text: '第二条' });
    s.clock.t -= HOUR;
    const after = addNote(s.ctx, s.users.secretary, { caseId: c.id, text: '时钟回拨后的一条' });
    readsBackAs(after);
    expect(after.events.map((e) => e.text)).toEqual([null, '时钟回拨后的一条', '第二条']);
  });

  it('a refused change still changes nothing and returns nothing', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const before = storeCounts(s.db);
    expect(() => setTypical(s.ctx, s.users.manager, { caseId: c.id, typical: false })).toThrow(AppError);
    expect(() => addNote(s.ctx, s.users.secretary, { caseId: c.id, text: '' })).toThrow(AppError);
    expect(storeCounts(s.db)).toEqual(before);
    expect(loadCase(s.db, c.id)).toStrictEqual(c);
  });
});

describe('closing time, remembered', () => {
  it('gives the same instant as before for ordinary, overnight and spring-forward days, in any zone', () => {
    const day = { open: '09:00', close: '21:00' };
    const night = { open: '10:00', close: '02:00' };
    expect(closeOf('2026-11-24', day, 'Asia/Shanghai')).toBe(Date.parse('2026-11-24T21:00:00+08:00'));
    expect(closeOf('2026-11-24', day, 'Asia/Shanghai')).toBe(Date.parse('2026-11-24T21:00:00+08:00'));
    expect(closeOf('2026-11-24', night, 'Asia/Shanghai')).toBe(Date.parse('2026-11-25T02:00:00+08:00'));
    // Same day and hours in another zone: not the remembered Shanghai answer.
    expect(closeOf('2026-11-24', day, 'Europe/Berlin')).toBe(Date.parse('2026-11-24T21:00:00+01:00'));
    // 2026-03-29 02:00 does not exist in Berlin; the overnight close is on the 29th, an hour on.
    expect(closeOf('2026-03-28', night, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T03:00:00+02:00'));
  });
});

describe('local day and month, from a remembered zone offset', () => {
  it('match luxon across DST, half- and quarter-hour zones, old local mean time and an unknown zone', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'No/Such_Zone',
    ];
    const hours = { open: '10:00', close: '02:00' };
    const off: string[] = [];
    for (const tz of zones) {
      for (
        let ms = Date.parse('1895-01-01');
        ms < Date.parse('2035-01-01');
        ms += 97 * 3_600_000 + 7 * 60_000 + 3_001
      ) {
        const local = DateTime.fromMillis(ms, { zone: tz });
        if (localMonth(ms, tz) !== local.toFormat('yyyyLL')) off.push(`${tz} ${ms} month`);
      }
      // Around the spring-forward and fall-back nights of 2026 in Berlin and New York, minute by minute.
      for (let ms = Date.parse('2026-03-08T00:00:00Z'); ms < Date.parse('2026-03-09T12:00:00Z'); ms += 60_000) {
        const day = DateTime.fromMillis(ms, { zone: tz }).toISODate();
        const b = businessDayOf(ms, hours, tz);
        if (
          tz !== 'No/Such_Zone' &&
          b !== day &&
          b !==
            DateTime.fromISO(day as string)
              .plus({ days: 1 })
              .toISODate() &&
          b !==
            DateTime.fromISO(day as string)
              .minus({ days: 1 })
              .toISODate()
        )
          off.push(`${tz} ${ms} day`);
      }
    }
    expect(off).toEqual([]);
    expect(businessDayOf(Date.parse('2026-03-29T00:30:00Z'), hours, 'Europe/Berlin')).toBe('2026-03-28');
    expect(businessDayOf(Date.parse('2026-03-29T01:30:00Z'), hours, 'Europe/Berlin')).toBe('2026-03-29');
    expect(localMonth(Date.parse('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('202612');
  });
});
