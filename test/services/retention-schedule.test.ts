// Retention in the background (issue 20 §2): due once a day, by the store's record of the last run;
// the chain's value (from head office's pull) wins over the branch setting.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import { dailyRetention } from '../../src-main/services/retention-schedule';
import { effectiveRetentionYears, setChainRetentionYears } from '../../src-main/services/retention';
import { filedCase } from '../helpers/filed-case';
import { openTestStore, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

describe('daily retention', () => {
  it('runs when a day has passed since the last run, not before', () => {
    s = openTestStore();
    const a = filedCase(s, Date.parse('2022-01-10T10:00:00+08:00'));
    s.clock.t = T0;
    expect(dailyRetention(s.ctx)?.result?.cases.map((c) => c.number)).toEqual([a.number]);
    const b = filedCase(s, Date.parse('2022-01-11T10:00:00+08:00'), {
      customer: { name: '冯五', phone: '13600001234' },
    });
    s.clock.t = T0 + 23 * 3_600_000;
    expect(dailyRetention(s.ctx)).toBeNull();
    expect(s.db.prepare('SELECT customer_phone FROM cases WHERE id = ?').get(b.id)).toEqual({
      customer_phone: '13600001234',
    });
    s.clock.t = T0 + 25 * 3_600_000;
    expect(dailyRetention(s.ctx)?.result?.cases.map((c) => c.number)).toEqual([b.number]);
  });

  it('catches up a backlog a bite per look, and counts the day done only when nothing due is left', () => {
    s = openTestStore();
    const cases = [1, 2, 3].map((d) =>
      filedCase(s, Date.parse(`2022-01-1${d}T10:00:00+08:00`), {
        customer: { name: `客${d}号`, phone: `1360000000${d}` },
      }),
    );
    s.clock.t = T0;
    expect(dailyRetention(s.ctx, 2)?.more).toBe(true);
    expect(s.db.prepare('SELECT count(*) AS n FROM cases WHERE anonymised_at IS NOT NULL').get()).toEqual({ n: 2 });
    s.clock.t += 3_600_000;
    expect(dailyRetention(s.ctx, 2)?.result?.cases.map((c) => c.number)).toEqual([cases[2]?.number]);
    s.clock.t += 3_600_000;
    expect(dailyRetention(s.ctx, 2)).toBeNull();
  });

  it('uses the chain-wide value head office imposes, else the branch setting', async () => {
    s = openTestStore({ settings: { retentionYears: 5 } });
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 5, imposed: false });
    setChainRetentionYears(s.ctx, 2);
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 2, imposed: true });
    expect(await dispatch(s.ctx, { user: s.users.manager }, 'personalData.retentionStatus', {})).toEqual({
      ok: true,
      value: { years: 2, imposed: true, branchYears: 5 },
    });
    setChainRetentionYears(s.ctx, null);
    expect(effectiveRetentionYears(s.ctx)).toEqual({ years: 5, imposed: false });
  });
});
