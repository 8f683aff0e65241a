// Head office killed (SIGKILL) in the middle of a long sync — right after a commit whose
// answer never leaves, and at a random moment mid-import — then restarted on the same file:
// the branch retries, and head office still ends with the fold, each sequence applied once.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { ackedSeq } from '../../src-main/sync/sync-state';
import { TransportError } from '../../src-main/sync/transport';
import { type HqBackend, HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { branchFold, foldEntries, hqFold } from './sync-harness';

const KEY = 'kill-test-key-0123456789abcdef';
const children: ChildProcess[] = [];
let s: TestStore | null = null;
let backend: HqBackend = HQ_BACKENDS[0] as HqBackend;
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (s) await backend.drop(s.dir);
  s?.close();
});

/**
 * Resolves once the child has exited. `once(child, 'exit')` alone waits forever when the exit
 * came before the call (a child that killed itself, or a kill timer that already fired), which
 * on a loaded machine it sometimes does.
 */
function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return once(child, 'exit').catch(() => undefined);
}

async function startChild(dir: string, killAfter?: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'hq-child.ts'), dir, KEY, ...(killAfter ? [String(killAfter)] : [])],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, HQ_TEST_BACKEND: backend.name },
    },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const line = await lines[Symbol.asyncIterator]().next();
  return { child, url: String(line.value) };
}

const sync = (store: TestStore, url: string) =>
  syncOnce({
    ctx: store.ctx,
    branch: 'SH01',
    transport: new HttpTransport({ url, branch: 'SH01', key: KEY, timeoutMs: 10_000 }),
    caps: { maxRecords: 40, maxBytes: 1e6 },
  });

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('head office on %s killed mid-import', (_name, b) => {
  it('converges to the fold after kills after commit and at random moments', async () => {
    backend = b;
    const store = (s = openTestStore());
    for (let i = 0; i < 25; i++) phoneCase(store);
    const total = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number as number;

    // 1. Killed right after its second commit, before answering.
    const a = await startChild(store.dir, 2);
    const err = await sync(store, a.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).retryable).toBe(true);
    await exited(a.child);
    const acked1 = ackedSeq(store.db);
    expect(acked1).toBeLessThan(total);
    // The second import did commit: head office holds more than the branch heard of.
    const probe = await backend.open(store.dir);
    expect(await scalar(probe, "SELECT last_seq FROM cursors WHERE branch = 'SH01'")).toBeGreaterThan(acked1);
    await probe.close();

    // 2. Killed by the parent at a random moment while the sync runs.
    for (const delay of [30, 120]) {
      for (let i = 0; i < 5; i++) phoneCase(store);
      const b = await startChild(store.dir);
      const timer = setTimeout(() => b.child.kill('SIGKILL'), delay);
      await sync(store, b.url).catch((e: unknown) => {
        if (!(e instanceof TransportError && e.retryable)) throw e;
      });
      clearTimeout(timer);
      b.child.kill('SIGKILL');
      await exited(b.child);
    }

    // 3. Back for good: the rest arrives, duplicates of what committed unanswered are no-ops.
    const c = await startChild(store.dir);
    await sync(store, c.url);
    c.child.kill('SIGTERM');
    await exited(c.child);
    const all = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number as number;
    expect(ackedSeq(store.db)).toBe(all);
    const hq = await backend.open(store.dir);
    try {
      if (hq.kind === 'sqlite') expect(await hq.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      expect(foldEntries(await hqFold(hq, 'SH01'))).toEqual(foldEntries(branchFold(store.db)));
      expect(await scalar(hq, 'SELECT sum(imported + unchanged + quarantined) FROM batches')).toBe(all);
      expect(await scalar(hq, 'SELECT count(*) FROM received')).toBe(all);
    } finally {
      await hq.close();
    }
    // Several child processes start and are killed: on a loaded 2-core CI machine this takes
    // well over the default minute.
  }, 480_000);

  it('a branch killed between send and acknowledgement sends again, and head office applies it once', async () => {
    backend = b;
    const store = (s = openTestStore());
    for (let i = 0; i < 20; i++) phoneCase(store);
    const hq = await startChild(store.dir);
    // The branch store is used by the child only while it runs; this connection stays idle.
    for (const killAt of [1, 3]) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(import.meta.dirname, 'branch-child.ts'), store.file, hq.url, KEY, String(killAt)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
        // Head office has committed and answered; the branch has not stored the acknowledgement yet.
        if (line === 'answered') {
          child.kill('SIGKILL');
          break;
        }
      }
      await exited(child);
      // Head office is ahead of what the branch recorded as acknowledged.
      const probe = await backend.open(store.dir);
      expect(await scalar(probe, "SELECT last_seq FROM cursors WHERE branch = 'SH01'")).toBeGreaterThan(
        ackedSeq(store.db),
      );
      await probe.close();
    }
    await sync(store, hq.url);
    const all = store.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number as number;
    expect(ackedSeq(store.db)).toBe(all);
    hq.child.kill('SIGTERM');
    await exited(hq.child);
    const db = await backend.open(store.dir);
    try {
      expect(foldEntries(await hqFold(db, 'SH01'))).toEqual(foldEntries(branchFold(store.db)));
      expect(await scalar(db, 'SELECT sum(imported + unchanged + quarantined) FROM batches')).toBe(all);
    } finally {
      await db.close();
    }
  }, 480_000);
});
