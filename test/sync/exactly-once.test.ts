// The exactly-once property: whatever the network does (drops before and after head office
// commits, duplicates, late and replayed batches, flipped, truncated and re-signed bodies,
// this branch's case inside another branch's valid batch, floods of unsigned requests claiming
// this branch, 503s, clocks off by a year and jumping back) and whatever poison the outbox holds,
// after a clean final sync head office holds exactly the fold of the branch's changes, every
// outbox sequence was applied exactly once, and the real branch was never throttled.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src-main/services/case-details';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq } from '../../src-main/sync/sync-state';
import { TransportError } from '../../src-main/sync/transport';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { FAULTS, type Fault, FaultyTransport } from './fault-transport';
import { branchFold, foldEntries, type Hq, hqFold, startHq } from './sync-harness';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s', (_backendName, backend) => {
  type Step =
    | { kind: 'change'; cases: number; notes: number }
    | { kind: 'poison' }
    | { kind: 'skew'; ms: number }
    | { kind: 'sync'; faults: Fault[] };

  const YEAR = 365 * 24 * 3600 * 1000;
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('change' as const),
        cases: fc.integer({ min: 0, max: 2 }),
        notes: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'poison' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('skew' as const),
        ms: fc.oneof(
          fc.integer({ min: -250_000, max: 250_000 }),
          fc.constantFrom(YEAR, -YEAR, 2 * YEAR, -301_000, 301_000),
        ),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 4 }),
      }),
    },
  );

  const RATE_MAX = 600;
  let hq: Hq;
  let run = 0;
  beforeAll(async () => {
    // A verified branch may send RATE_MAX requests a window, far more than a run needs; an unsigned
    // flood claiming it sends more than that. Unverified traffic from this address is not throttled
    // here, so a branch a year off still hears head office's time (the per-address limit has its own test).
    hq = await startHq({ backend, limits: { rateMax: RATE_MAX, unverifiedRateMax: 1_000_000 } });
  });
  afterAll(() => hq.close());

  /** Retries what the scheduler would retry; anything else fails the property. */
  async function syncUntilDone(o: Parameters<typeof syncOnce>[0]): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await syncOnce(o);
        return;
      } catch (e) {
        if (!(e instanceof TransportError && e.retryable)) throw e;
        // Whatever floods claimed its name, the real branch is never throttled.
        if (e.status === 429) throw new Error('the real branch was throttled (429)');
      }
    }
    throw new Error('did not converge in 40 attempts');
  }

  function poison(s: TestStore): void {
    // A row no service writes: an unknown type and a snapshot that is not JSON.
    s.db
      .prepare(
        "INSERT INTO outbox (record_type, record_id, version, schema_version, payload, created_at) VALUES ('rocket', 'x', 1, 1, '{\"a\":1}', 0), ('case', 'y', 1, 1, 'not json{', 0)",
      )
      .run();
  }

  describe('exactly once over a faulty network', () => {
    it('head office ends equal to the fold of the branch changes, each sequence applied once', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 2, maxLength: 10 }),
          fc.integer({ min: 1, max: 12 }),
          async (steps, maxRecords) => {
            const branch = `P${++run}`;
            const key = await hq.addBranch(branch);
            const other = { branch: `Q${run}`, key: await hq.addBranch(`Q${run}`) };
            const s = openTestStore({ settings: { branchCode: branch } });
            const skew = { ms: 0 };
            const now = () => Date.now() + skew.ms;
            try {
              const inner = new HttpTransport({ url: hq.url, branch, key, now });
              const transport = new FaultyTransport(inner, { url: hq.url, branch, key, other, flood: RATE_MAX + 50 });
              const opts = { ctx: s.ctx, branch, transport, caps: { maxRecords, maxBytes: 6000 } };
              const cases: string[] = [phoneCase(s).id];
              for (const st of steps) {
                if (st.kind === 'change') {
                  for (let i = 0; i < st.cases; i++) cases.push(phoneCase(s).id);
                  for (let i = 0; i < st.notes; i++)
                    addNote(s.ctx, s.users.secretary, {
                      caseId: cases[i % cases.length] as string,
                      text: `跟进记录 ${i}`,
                    });
                } else if (st.kind === 'poison') poison(s);
                else if (st.kind === 'skew') skew.ms = st.ms;
                else {
                  transport.faults = [...st.faults];
                  await syncUntilDone(opts);
                }
              }
              transport.faults = [];
              await syncUntilDone(opts);
              const outboxRows = s.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number as number;
              expect(ackedSeq(s.db)).toBe(outboxRows);
              expect(foldEntries(await hqFold(hq.db, branch))).toEqual(foldEntries(branchFold(s.db)));
              // Every sequence received once, and counted once across all the batches imported.
              const counted = (await scalar(
                hq.db,
                'SELECT coalesce(sum(imported + unchanged + quarantined), 0) FROM batches WHERE branch = ?',
                [branch],
              )) as number;
              expect(counted).toBe(outboxRows);
              expect(await scalar(hq.db, 'SELECT count(*) FROM received WHERE branch = ?', [branch])).toBe(outboxRows);
              const poisoned = s.db
                .prepare("SELECT count(*) FROM outbox WHERE record_type = 'rocket' OR payload = 'not json{'")
                .pluck()
                .get() as number as number;
              expect(await scalar(hq.db, 'SELECT count(*) FROM quarantine WHERE branch = ?', [branch])).toBe(poisoned);
              // The adversarial requests were all refused, none with a 2xx; the flood by its missing signature.
              for (const status of transport.refusals) expect([401, 403, 422]).toContain(status);
              for (const status of transport.floodRefusals) expect(status).toBe(401);
              // The only alerts: one per foreign batch, naming this branch; the other branch holds none of its cases.
              expect(
                await scalar(hq.db, "SELECT count(*) FROM alerts WHERE branch = ? AND kind = 'foreign_records'", [
                  branch,
                ]),
              ).toBe(transport.foreignSent);
              expect(await scalar(hq.db, 'SELECT count(*) FROM alerts WHERE branch = ?', [branch])).toBe(
                transport.foreignSent,
              );
              expect(await scalar(hq.db, 'SELECT count(*) FROM received WHERE branch = ?', [other.branch])).toBe(0);
            } finally {
              s.close();
            }
          },
        ),
        { numRuns: 25, seed: 20261124, endOnFailure: true },
      );
    });
  });
});
