// Head office as two instances on one PostgreSQL (issue 16 §3), and replay refusal under concurrent load with nonces group-committed (§2): exactly-once, replays refused across instances, a console session made on one working on the other, per-branch and sign-in throttling counted across both.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { MAX_FAILED_SIGN_INS } from '../../src-headoffice/console/api-contract';
import { encodeBatch } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { HQ_BACKENDS, type HqBackend, scalar } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { type Hq, startHq } from '../sync/sync-harness';
import { caseSnapshot, ConsoleClient, PASSWORD } from './console-harness';

type Signed = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: Buffer };

/** A batch of `n` new case records from sequence `first`. */
function batch(branch: string, first: number, n: number): Buffer {
  const records = Array.from({ length: n }, (_, i) => {
    const data = caseSnapshot(branch, first + i);
    return { seq: first + i, type: 'case', id: String(data.id), version: 1, schema: 1, data: JSON.stringify(data) };
  });
  return encodeBatch(branch, 'E1', records).body;
}

/** A signed push of `body` (nothing is sent yet: it can be sent twice). */
function signedPush(key: string, branch: string, body: Buffer): Signed {
  const headers = signRequest(key, { method: 'POST', path: '/v1/batches', branch, body, now: Date.now() });
  return {
    method: 'POST',
    path: '/v1/batches',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body,
  };
}

const push = (key: string, branch: string, first: number, n: number): Signed =>
  signedPush(key, branch, batch(branch, first, n));

/** Sends a push as the branch does: signed afresh and sent again after a 503 (admission control). */
async function pushUntilAdmitted(hq: Hq, key: string, branch: string, body: Buffer) {
  for (;;) {
    const r = await send(hq, signedPush(key, branch, body));
    if (r.status !== 503) return r;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Answers of one request sent many times at once: exactly one 200 at most, the rest refused (replay 401, or 429/503 of the throttles). */
function oneAnswered(answers: { status: number; json: Record<string, unknown> }[]): number {
  const ok = answers.filter((x) => x.status === 200).length;
  expect(ok).toBeLessThanOrEqual(1);
  for (const x of answers.filter((y) => y.status !== 200)) {
    expect([401, 429, 503]).toContain(x.status);
    if (x.status === 401)
      expect(x.json).toMatchObject({
        code: 'NONCE_REUSED',
        message: { zh: expect.stringContaining('重复'), en: expect.stringContaining('Replayed') },
      });
  }
  return ok;
}

/** A signed pull of instructions. */
function pull(key: string, branch: string): Signed {
  const path = '/v1/instructions?since=0';
  return {
    method: 'GET',
    path,
    headers: { ...signRequest(key, { method: 'GET', path, branch, body: '', now: Date.now() }) },
  };
}

async function send(hq: Hq, r: Signed): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${hq.url}${r.path}`, {
    method: r.method,
    headers: r.headers,
    ...(r.body ? { body: new Uint8Array(r.body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

/** Two head-office instances (each its own pool, server and process state) on one store. */
async function twoInstances(backend: HqBackend, rateMax = 100_000): Promise<[Hq, Hq, Record<string, string>]> {
  const dir = tempDir('hq2-');
  const a = await startHq({ backend, dir, limits: { rateMax } });
  const b = await startHq({ backend, dir, limits: { rateMax } });
  open.push({
    close: async () => {
      await b.close();
      await a.close();
      await backend.drop(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  });
  const keys: Record<string, string> = {};
  for (const code of ['SH01', 'SH02', 'BJ01']) keys[code] = await a.addBranch(code);
  await addReviewer(a.db, { username: 'li', name: '李审核', password: PASSWORD }, Date.now());
  return [a, b, keys];
}

describe.each(HQ_BACKENDS)('replays under concurrent load, nonces group-committed (%s)', (backend) => {
  it('a pull and a push sent many times at once are each answered once; every replay is 401 and changes nothing', async () => {
    // Replays count against the source address: its limit is raised so each one is seen refused as a replay.
    const hq = await startHq({ backend, limits: { rateMax: 100_000, unverifiedRateMax: 100_000 } });
    open.push(hq);
    const key = await hq.addBranch('SH01');
    const pulls = Array.from({ length: 20 }, () => pull(key, 'SH01'));
    const p = push(key, 'SH01', 1, 3);
    // Each pull five times and the push five times, all in flight together.
    const answers = await Promise.all([
      ...pulls.flatMap((r) => Array.from({ length: 5 }, () => send(hq, r))),
      ...Array.from({ length: 5 }, () => send(hq, p)),
    ]);
    for (let i = 0; i < 20; i++) expect(oneAnswered(answers.slice(i * 5, i * 5 + 5))).toBe(1);
    const pushed = oneAnswered(answers.slice(100));
    expect(await scalar(hq.db, "SELECT count(*) FROM records WHERE branch = 'SH01'")).toBe(3 * pushed);
    expect(await scalar(hq.db, "SELECT count(*) FROM batches WHERE branch = 'SH01'")).toBe(pushed);
    // Replayed again later, one at a time: still refused.
    expect((await send(hq, pulls[0] as Signed)).status).toBe(401);
    expect((await send(hq, p)).status).toBe(401);
  });

  it('a push refused before its import (a gap) still uses up its nonce', async () => {
    const hq = await startHq({ backend, limits: { rateMax: 100_000 } });
    open.push(hq);
    const key = await hq.addBranch('SH01');
    const gap = push(key, 'SH01', 5, 1);
    expect((await send(hq, gap)).status).toBe(409);
    expect(await send(hq, push(key, 'SH01', 1, 4))).toMatchObject({ status: 200 });
    // Now sequence 5 would be next: the replayed request is refused, not imported.
    expect(await send(hq, gap)).toMatchObject({ status: 401, json: { code: 'NONCE_REUSED' } });
    expect(await scalar(hq.db, "SELECT count(*) FROM records WHERE branch = 'SH01'")).toBe(4);
  });
});

const PG = HQ_BACKENDS.filter((b) => b.name === 'pg');

describe.skipIf(PG.length === 0).each(PG)('two head-office instances on one PostgreSQL (%s)', (backend) => {
  it('branches pushing to both: exactly-once, every batch also sent to the other instance acknowledged as a duplicate', async () => {
    const [a, b, keys] = await twoInstances(backend);
    const branches = ['SH01', 'SH02', 'BJ01'];
    await Promise.all(
      branches.map(async (code, bi) => {
        for (let i = 0; i < 8; i++) {
          const first = i * 5 + 1;
          const [to, other] = (i + bi) % 2 === 0 ? [a, b] : [b, a];
          // The same batch, signed twice (new nonces), to both instances at once: one imports, one is a duplicate.
          const body = batch(code, first, 5);
          const [x, y] = await Promise.all([
            pushUntilAdmitted(to, keys[code] as string, code, body),
            pushUntilAdmitted(other, keys[code] as string, code, body),
          ]);
          expect([x.status, y.status]).toEqual([200, 200]);
          expect([x.json.duplicate, y.json.duplicate].sort()).toEqual([false, true]);
        }
      }),
    );
    for (const code of branches) {
      expect(await scalar(a.db, 'SELECT count(*) FROM records WHERE branch = ?', [code])).toBe(40);
      expect(await scalar(b.db, 'SELECT count(*) FROM batches WHERE branch = ?', [code])).toBe(8);
      expect(await scalar(b.db, 'SELECT last_seq FROM cursors WHERE branch = ?', [code])).toBe(40);
    }
  });

  it('a push or pull replayed to the other instance is refused, also when both arrive at once', async () => {
    const [a, b, keys] = await twoInstances(backend);
    const key = keys.SH01 as string;
    const p = push(key, 'SH01', 1, 2);
    expect((await send(a, p)).status).toBe(200);
    expect(await send(b, p)).toMatchObject({ status: 401, json: { code: 'NONCE_REUSED' } });
    const q = pull(key, 'SH01');
    expect((await send(b, q)).status).toBe(200);
    expect(await send(a, q)).toMatchObject({ status: 401, json: { code: 'NONCE_REUSED' } });
    // At once, under load: each request sent to both instances three times over.
    const reqs = [...Array.from({ length: 15 }, () => pull(key, 'SH01')), push(key, 'SH01', 3, 2)];
    const answers = await Promise.all(reqs.flatMap((r) => [a, b, a, b, a, b].map((hq) => send(hq, r))));
    for (let i = 0; i < 15; i++) expect(oneAnswered(answers.slice(i * 6, i * 6 + 6))).toBe(1);
    const pushed = oneAnswered(answers.slice(90));
    expect(await scalar(a.db, "SELECT count(*) FROM records WHERE branch = 'SH01'")).toBe(2 + 2 * pushed);
  });

  it('a console session made on one instance works on the other, and signing out on it ends it on both', async () => {
    const [a, b] = await twoInstances(backend);
    const onA = new ConsoleClient(a);
    expect((await onA.signIn()).status).toBe(200);
    const onB = new ConsoleClient(b);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    expect((await onB.call('GET', '/console/api/session')).status).toBe(200);
    expect((await onB.call('GET', '/console/api/cases')).status).toBe(200);
    expect((await onB.call('DELETE', '/console/api/session')).status).toBe(204);
    expect((await onA.call('GET', '/console/api/session')).status).toBe(401);
  });

  it('per-branch throttling counts requests to both instances; other branches are not held', async () => {
    const [a, b, keys] = await twoInstances(backend, 4);
    const key = keys.SH01 as string;
    for (const hq of [a, b, a, b]) expect((await send(hq, pull(key, 'SH01'))).status).toBe(200);
    for (const hq of [a, b]) {
      const r = await send(hq, pull(key, 'SH01'));
      expect(r).toMatchObject({
        status: 429,
        json: {
          code: 'RATE_LIMITED',
          message: { zh: expect.stringContaining('门店 SH01'), en: expect.stringContaining('from branch SH01') },
        },
      });
    }
    expect((await send(b, pull(keys.SH02 as string, 'SH02'))).status).toBe(200);
  });

  it('wrong sign-ins of an unknown name sent to both instances lock it after the same number as one instance', async () => {
    const [a, b] = await twoInstances(backend);
    const name = `nobody-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      const r = await new ConsoleClient(i % 2 === 0 ? a : b).signIn(name, 'wrong password here');
      expect(r.status).toBe(401);
    }
    const last = await new ConsoleClient(b).signIn(name, 'wrong password here');
    expect(last.status).toBe(423);
    expect((await new ConsoleClient(a).signIn(name, 'wrong password here')).status).toBe(423);
  });
});
