// An unknown console username is answered exactly as a real one: the same statuses and bodies
// through the lockout and after it, similar time, and a bounded memory of unknown names.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../src-headoffice/console/api-contract';
import { MAX_UNKNOWN_NAMES, unknownSignIns } from '../../src-headoffice/console/unknown-sign-ins';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import type { Hq } from '../sync/sync-harness';
import { type ConsoleClient, PASSWORD, startConsole } from './console-harness';

const T0 = Date.parse('2026-11-30T04:00:00Z');

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'console sign-in of an unknown name (%s)',
  (_name, backend) => {
    let hq: Hq;
    let client: ConsoleClient;
    beforeEach(async () => {
      ({ hq, client } = await startConsole(backend));
    });
    afterEach(() => {
      vi.restoreAllMocks();
      return hq.close();
    });

    const attempts = async (username: string, password: string, n: number) => {
      const seen: { status: number; body: unknown }[] = [];
      for (let i = 0; i < n; i++) {
        const r = await client.signIn(username, password);
        seen.push({ status: r.status, body: r.json });
      }
      return seen;
    };

    it(`gives the same (status, body) for ${MAX_FAILED_SIGN_INS + 2} wrong attempts, and after the lock ends`, async () => {
      const clock = vi.spyOn(Date, 'now').mockReturnValue(T0);
      const real = await attempts('li', 'wrong password!', MAX_FAILED_SIGN_INS + 2);
      const unknown = await attempts('nobody', 'wrong password!', MAX_FAILED_SIGN_INS + 2);
      expect(real.map((a) => a.status)).toEqual([...Array<number>(MAX_FAILED_SIGN_INS - 1).fill(401), 423, 423, 423]);
      expect(unknown).toEqual(real);
      expect(real[MAX_FAILED_SIGN_INS - 1]?.body).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        retryAfterMs: LOCKOUT_MINUTES * 60_000,
      });
      // Later in the lock both say how long is left, the same.
      clock.mockReturnValue(T0 + 60_000);
      const laterReal = await attempts('li', PASSWORD, 1);
      const laterUnknown = await attempts('nobody', PASSWORD, 1);
      expect(laterUnknown).toEqual(laterReal);
      expect(laterReal[0]).toMatchObject({ status: 423, body: { retryAfterMs: (LOCKOUT_MINUTES - 1) * 60_000 } });
      // After the lock, a wrong password is a plain 401 for both, counted afresh.
      clock.mockReturnValue(T0 + (LOCKOUT_MINUTES + 1) * 60_000);
      const afterReal = await attempts('li', 'still wrong!!', MAX_FAILED_SIGN_INS);
      const afterUnknown = await attempts('NoBody ', 'still wrong!!', MAX_FAILED_SIGN_INS);
      expect(afterUnknown).toEqual(afterReal);
      expect(afterReal.map((a) => a.status)).toEqual([...Array<number>(MAX_FAILED_SIGN_INS - 1).fill(401), 423]);
    });

    it('takes a similar time for an unknown name as for a wrong password (the hash is run against a dummy)', async () => {
      const timed = async (username: string, password: string) => {
        const start = performance.now();
        const r = await client.signIn(username, password);
        expect(r.status).toBe(401);
        return performance.now() - start;
      };
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      await timed('warm-up-name', 'wrong password!');
      const real: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
        real.push(await timed('li', `wrong-${i}-password`));
        unknown.push(await timed(`nobody-${i}`, `wrong-${i}-password`));
      }
      expect(median(unknown)).toBeGreaterThanOrEqual(0.3 * median(real));
      expect(median(real)).toBeGreaterThanOrEqual(0.3 * median(unknown));
    });

    it(`remembers at most ${MAX_UNKNOWN_NAMES} unknown names, forgetting the least recently tried`, () => {
      const tally = unknownSignIns(hq.db);
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) tally.fail('oldest-name', T0);
      expect(tally.lockedFor('oldest-name', T0)).toBe(LOCKOUT_MINUTES * 60_000);
      for (let i = 0; i < MAX_UNKNOWN_NAMES + 50; i++) tally.fail(`flood-${i}`, T0);
      expect(tally.size()).toBe(MAX_UNKNOWN_NAMES);
      expect(tally.lockedFor('oldest-name', T0)).toBeNull();
      // The most recent names keep their count: one more failure each until the lock.
      const recent = `flood-${MAX_UNKNOWN_NAMES + 49}`;
      for (let i = 1; i < MAX_FAILED_SIGN_INS - 1; i++) expect(tally.fail(recent, T0)).toEqual({ kind: 'wrong' });
      expect(tally.fail(recent, T0)).toEqual({ kind: 'locked', retryAfterMs: LOCKOUT_MINUTES * 60_000 });
      expect(tally.size()).toBe(MAX_UNKNOWN_NAMES);
    });
  },
);
