import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { createCase } from '../../src-main/services/case-intake';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('case numbers (SPEC §6)', () => {
  it('restart at 0001 in a new local month, across the UTC month boundary', () => {
    s = openTestStore({ at: Date.parse('2026-11-30T23:58:00+08:00') });
    expect(phoneCase(s).number).toBe('SH01-YY-202611-0001');
    expect(phoneCase(s).number).toBe('SH01-YY-202611-0002');
    // 00:01 on 1 December in Shanghai is still 30 November in UTC.
    s.clock.t = Date.parse('2026-12-01T00:01:00+08:00');
    expect(phoneCase(s).number).toBe('SH01-YY-202612-0001');
    s.clock.t = Date.parse('2027-01-01T09:00:00+08:00');
    expect(phoneCase(s).number).toBe('SH01-YY-202701-0001');
  });

  it('continue after a restart, without gaps or reuse', () => {
    s = openTestStore();
    phoneCase(s);
    phoneCase(s);
    s.db.close();
    const { db } = openDatabase(s.file);
    s.db = db;
    s.ctx = createContext(db, { now: () => s.clock.t, settings: () => DEFAULT_BRANCH_SETTINGS });
    expect(phoneCase(s).number).toBe('SH01-YY-202611-0003');
  });

  it('a refused intake does not use up a number', () => {
    s = openTestStore();
    phoneCase(s);
    expect(() => phoneCase(s, { categoryCode: 'no_such_category' })).toThrow(/no_such_category/);
    expect(() => phoneCase(s, { complainedUnitId: '01936f5e-0000-7000-8000-00000000dead' })).toThrow(/unit/);
    expect(phoneCase(s).number).toBe('SH01-YY-202611-0002');
  });

  it('are per branch: the branch code is part of the number', () => {
    s = openTestStore({ settings: { branchCode: 'BJ07' } });
    expect(phoneCase(s).number).toBe('BJ07-YY-202611-0001');
  });

  it('cannot be rewound or reused by writing to the counter', () => {
    s = openTestStore();
    phoneCase(s);
    expect(() => s.db.prepare('UPDATE number_counters SET last_serial = 0').run()).toThrow(/never reused/);
    expect(() => s.db.prepare('DELETE FROM number_counters').run()).toThrow(/never reused/);
    expect(
      createCase(s.ctx, s.users.clerk, {
        channel: 'other',
        anonymous: true,
        content: '匿名来信',
        categoryCode: 'other',
      }).number,
    ).toBe('SH01-YY-202611-0002');
  });
});
