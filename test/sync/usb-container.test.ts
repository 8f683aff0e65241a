// The USB batch container (issue 19): records and attachment bytes split into three parts, imported in
// any order (3, 1, 2) on both head-office stores, twice = no change; a tampered part refused (its
// signature, a chunk's bytes), a blob whose assembled bytes do not hash to its name refused and not
// kept; the CLI's --max-mb split and head office's import of parts. Parts are sealed for head office
// (issue 20 §4, batch-seal.ts): the inner checks are shown on a part opened and sealed again with the key.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAttachmentStore } from '../../src-headoffice/attachment-store';
import { addBranch } from '../../src-headoffice/branches';
import type { HqStore } from '../../src-headoffice/store';
import { importUsbPart } from '../../src-headoffice/usb-import';
import { blobPath } from '../../src-main/db/blob-store';
import { isSyncError } from '../../src-main/sync/batch-errors';
import { openPart } from '../../src-main/sync/batch-container';
import { sealBytes, unsealFile } from '../../src-main/sync/batch-seal';
import { exportUsbParts } from '../../src-main/sync/usb-export';
import { attach, fakeJpeg } from '../helpers/attachments';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

const refusedAs = async (p: Promise<unknown>, why: string) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(isSyncError(e) ? e.why : e).toBe(why);
};

/** Every file under a folder (names and sizes), to show an import changed nothing. */
const listing = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${p.slice(dir.length)}:${readFileSync(p).length}`);
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out.sort();
};

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('USB container, head office on %s', (_name, backend) => {
  let s: TestStore;
  let hq: HqStore;
  let key: string;
  beforeEach(async () => {
    s = openTestStore();
    hq = await backend.open(s.dir);
    key = await addBranch(hq, 'SH01', Date.now());
  });
  afterEach(async () => {
    await hq.close();
    await backend.drop(s.dir);
    s.close();
  });

  /** The plain part inside a sealed one (what head office reads after checking the seal). */
  const plainPart = async (p: string): Promise<Buffer> => {
    const out = `${p}.plain`;
    await unsealFile(p, out, async () => key);
    const b = readFileSync(out);
    rmSync(out);
    return b;
  };

  const exportParts = (maxBytes: number | null, name = 'usb.bdx') =>
    exportUsbParts(s.db, {
      branch: 'SH01',
      key,
      now: s.ctx.now(),
      out: join(s.dir, 'stick', name),
      blobRoot: s.ctx.blobRoot,
      maxBytes,
    });

  it('split in three, imported 3, 1, 2: every record and blob arrives whole; importing all again changes nothing', async () => {
    const c1 = phoneCase(s);
    const c2 = phoneCase(s);
    const a = attach(s, c1.id, { bytes: fakeJpeg(1_000_000), thumb: fakeJpeg(20_000) });
    const b = attach(s, c2.id, {
      bytes: fakeJpeg(1_500_000),
      thumb: null,
      kind: 'recording',
      mime: 'audio/mpeg',
      name: '录音.mp3',
    });
    const r = exportParts(1_000_000);
    expect(r.paths).toHaveLength(3);
    expect(r.blobs).toBe(3);
    expect(r.paths.map((p) => p.slice(-12))).toEqual(['usb-1of3.bdx', 'usb-2of3.bdx', 'usb-3of3.bdx']);
    // The records ride in the first part; the 1.5 MB recording spans parts as chunks.
    const bodies = [];
    for (const p of r.paths) {
      writeFileSync(`${p}.plain`, await plainPart(p));
      const part = openPart(`${p}.plain`);
      part.close();
      rmSync(`${p}.plain`);
      bodies.push(part.body);
    }
    expect(bodies.map((x) => x.batches.length)).toEqual([1, 0, 0]);
    expect(
      new Set(bodies.flatMap((x) => x.chunks.filter((c) => c.sha256 === b.snapshot.sha256).map(() => x.part))).size,
    ).toBe(2);
    for (const p of r.paths) expect(readFileSync(p).length).toBeLessThanOrEqual(1_000_000);

    const root = join(s.dir, 'hq-attachments');
    const store = openAttachmentStore(root);
    const order = [2, 0, 1].map((i) => r.paths[i] as string);
    const answers = [];
    for (const p of order) answers.push(await importUsbPart(hq, store, p, Date.now()));
    expect(answers[0]?.answers).toEqual([]);
    expect(answers[0]?.incomplete.length).toBeGreaterThan(0);
    const outbox = s.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    expect(answers[1]?.answers[0]?.imported).toBe(outbox);
    for (const f of [a.bytes, a.thumb as Buffer, b.bytes]) {
      const sha = (await import('node:crypto')).createHash('sha256').update(f).digest('hex');
      expect(store.has(sha)).toBe(true);
      expect(store.read(sha).equals(f)).toBe(true);
    }
    expect(await scalar(hq, "SELECT count(*) FROM records WHERE branch = 'SH01' AND type = 'attachment'")).toBe(2);
    expect(readdirSync(join(root, 'partial')).filter((f) => !f.startsWith('.'))).toEqual([]);

    const before = listing(root);
    const records = await scalar(hq, 'SELECT count(*) FROM records');
    for (const p of r.paths) {
      const again = await importUsbPart(hq, store, p, Date.now());
      expect(again.answers.reduce((n, x) => n + x.imported, 0)).toBe(0);
    }
    expect(listing(root)).toEqual(before);
    expect(await scalar(hq, 'SELECT count(*) FROM records')).toBe(records);
  });

  it('a tampered part is refused whole: a changed trailer by its signature, a changed chunk byte by its hash', async () => {
    const c = phoneCase(s);
    attach(s, c.id, { bytes: fakeJpeg(300_000), thumb: null });
    const r = exportParts(null);
    const path = r.paths[0] as string;
    const sealed = readFileSync(path);
    const good = await plainPart(path);
    const reseal = (b: Buffer) => sealBytes(b, 'SH01', key);
    const root = join(s.dir, 'hq-attachments');
    const store = openAttachmentStore(root);

    // A digit of the signed body changed (the createdAt in the trailer): the signature no longer holds.
    const text = good.toString('latin1');
    // Inside the trailer the signed body is a JSON string, so its quotes are escaped.
    const at = text.lastIndexOf('createdAt\\":') + 'createdAt\\":'.length;
    expect(at).toBeGreaterThan(300_000);
    const signedChanged = Buffer.from(good);
    signedChanged[at] = signedChanged[at] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(s.dir, 'bad-sig.bdx'), reseal(signedChanged));
    await refusedAs(importUsbPart(hq, store, join(s.dir, 'bad-sig.bdx'), Date.now()), 'BAD_SIGNATURE');

    const chunkChanged = Buffer.from(good);
    chunkChanged[100] = (chunkChanged[100] as number) ^ 0xff;
    writeFileSync(join(s.dir, 'bad-chunk.bdx'), reseal(chunkChanged));
    await refusedAs(importUsbPart(hq, store, join(s.dir, 'bad-chunk.bdx'), Date.now()), 'DAMAGED');

    writeFileSync(join(s.dir, 'truncated.bdx'), reseal(good.subarray(0, good.length - 5)));
    await refusedAs(importUsbPart(hq, store, join(s.dir, 'truncated.bdx'), Date.now()), 'DAMAGED');
    // The sealed file itself: a byte changed, or cut short, fails its GCM tag before anything is read.
    const flipped = Buffer.from(sealed);
    flipped[sealed.length - 1000] = (flipped[sealed.length - 1000] as number) ^ 0x01;
    writeFileSync(join(s.dir, 'flipped.bdx'), flipped);
    await refusedAs(importUsbPart(hq, store, join(s.dir, 'flipped.bdx'), Date.now()), 'DAMAGED');
    writeFileSync(join(s.dir, 'cut.bdx'), sealed.subarray(0, sealed.length - 5));
    await refusedAs(importUsbPart(hq, store, join(s.dir, 'cut.bdx'), Date.now()), 'DAMAGED');

    // Nothing of the refused parts was kept: no records, no bytes.
    expect(await scalar(hq, 'SELECT count(*) FROM records')).toBe(0);
    expect(listing(root)).toEqual([]);
    // A part sealed and signed under another key (another branch's stick renamed): its seal does not open.
    const other = await addBranch(hq, 'SH02', Date.now());
    const foreign = exportUsbParts(s.db, {
      branch: 'SH01',
      key: other,
      now: s.ctx.now(),
      out: join(s.dir, 'foreign.bdx'),
      blobRoot: s.ctx.blobRoot,
      maxBytes: null,
    });
    await refusedAs(importUsbPart(hq, store, foreign.paths[0] as string, Date.now()), 'DAMAGED');
    // The good part still imports.
    const ok = await importUsbPart(hq, store, path, Date.now());
    expect(ok.completed).toHaveLength(1);
  });

  it('a blob whose bytes do not hash to its name is refused and not kept, even when its chunks arrive in two parts', async () => {
    const c = phoneCase(s);
    const a = attach(s, c.id, { bytes: fakeJpeg(600_000), thumb: null });
    // The branch's file damaged on disk after it was stored (same size): the part is signed over the bad bytes.
    const file = blobPath(s.ctx.blobRoot as string, a.snapshot.sha256);
    const bytes = readFileSync(file);
    bytes[10] = (bytes[10] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const r = exportParts(400_000);
    expect(r.paths).toHaveLength(2);
    const root = join(s.dir, 'hq-attachments');
    const store = openAttachmentStore(root);
    const first = await importUsbPart(hq, store, r.paths[1] as string, Date.now());
    expect(first.incomplete).toEqual([a.snapshot.sha256]);
    await refusedAs(importUsbPart(hq, store, r.paths[0] as string, Date.now()), 'DAMAGED');
    expect(store.has(a.snapshot.sha256)).toBe(false);
    expect(store.status(a.snapshot.sha256)).toEqual({ received: 0, complete: false });
  });
});

describe('USB container from the command line', () => {
  let s: TestStore;
  beforeEach(() => {
    s = openTestStore();
  });
  afterEach(() => s.close());

  it('export-batch --max-mb 1 writes parts; headoffice import takes them in any order; --max-mb 0 is refused', async () => {
    const c = phoneCase(s);
    const a = attach(s, c.id, { bytes: fakeJpeg(2_200_000), thumb: fakeJpeg(10_000) });
    s.db.close();
    const hqDb = join(s.dir, 'hq.sqlite');
    const added = await cli('src-headoffice/cli.ts', ['--db', hqDb, 'branch', 'add', 'SH01', '--insecure-keys']);
    expect(added.code, added.err).toBe(0);
    const key = added.out.trim().split('\n').at(-1) as string;
    const env = { BRANCH_DESK_BRANCH: 'SH01', BRANCH_DESK_KEY: key };
    const out = join(s.dir, 'stick', 'batch.bdx');
    const zero = await cli(
      'src-main/cli/index.ts',
      ['export-batch', '--db', s.file, '--out', out, '--max-mb', '0'],
      env,
    );
    expect(zero.code).not.toBe(0);
    const exported = await cli(
      'src-main/cli/index.ts',
      ['export-batch', '--db', s.file, '--out', out, '--max-mb', '1'],
      env,
    );
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain('分卷 parts: 3');
    const parts = readdirSync(join(s.dir, 'stick')).sort();
    expect(parts).toEqual(['batch-1of3.bdx', 'batch-2of3.bdx', 'batch-3of3.bdx']);
    for (const p of ['batch-2of3.bdx', 'batch-3of3.bdx', 'batch-1of3.bdx']) {
      const r = await cli('src-headoffice/cli.ts', [
        '--db',
        hqDb,
        'import',
        join(s.dir, 'stick', p),
        '--insecure-keys',
      ]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('附件分块 Attachment chunks');
    }
    const store = openAttachmentStore(join(s.dir, 'headoffice-attachments'));
    expect(store.read(a.snapshot.sha256).equals(a.bytes)).toBe(true);
    expect(store.has(a.snapshot.thumbSha256 as string)).toBe(true);
  }, 60_000);
});
