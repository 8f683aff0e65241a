// `attach` and `attachments-check` as a user runs them: a real child process on a real store (issue 19).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobRootOf, hasBlob, readBlob, writeBlob } from '../../src-main/db/blob-store';
import { createSlip } from '../../src-main/services/slips';
import { noisyJpeg, windowsProgram } from '../helpers/attachment-files';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

const ROOT = resolve(import.meta.dirname, '../..');
let s: TestStore;
let caseNo = '';
let slipNo = '';
let photo = '';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function rows(sql: string): Record<string, unknown>[] {
  const db = new Database(s.file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  s = openTestStore();
  const c = phoneCase(s);
  caseNo = c.number;
  slipNo = createSlip(s.ctx, s.users.clerk, returnInput(s, { caseId: c.id })).number;
  s.db.close();
  photo = join(s.dir, 'IMG_0042.jpg');
  writeFileSync(photo, await noisyJpeg(3000, 2000, { gps: true }));
  writeFileSync(join(s.dir, 'invoice.jpg'), windowsProgram());
}, 60_000);
afterAll(() => rmSync(s.dir, { recursive: true, force: true }));

describe('npm run cli -- attach', () => {
  it('attaches a scanned photo to a case by its number, re-encoded without EXIF, in zh-CN then English', async () => {
    const r = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      caseNo,
      '--file',
      photo,
      '--kind',
      'goods_photo',
      '--staff',
      'c001',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [zh, en] = r.out.trim().split('\n');
    expect(zh).toContain(`已附加到 ${caseNo}:商品照片 IMG_0042.jpg`);
    expect(en).toContain(`Attached to ${caseNo}: Photo of the goods IMG_0042.jpg (image/jpeg`);
    const [row] = rows("SELECT sha256, width, height, added_by_name FROM attachments WHERE kind = 'goods_photo'");
    expect(row).toMatchObject({ width: 2560, height: 1707, added_by_name: '陈服务台' });
    const stored = readBlob(blobRootOf(s.file)!, String(row?.sha256));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    const again = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      caseNo,
      '--file',
      photo,
      '--kind',
      'goods_photo',
      '--staff',
      'C001',
    );
    expect(again.code).toBe(0);
    expect(again.out).toContain('未重复添加');
    expect(again.out).toContain('nothing added');
    expect(rows('SELECT count(*) AS n FROM attachments')).toEqual([{ n: 1 }]);
  }, 60_000);

  it('attaches to a slip by its TH number', () => {
    const r = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      slipNo,
      '--file',
      photo,
      '--kind',
      'receipt',
      '--staff',
      'U001',
    );
    expect(r.code).toBe(0);
    expect(rows("SELECT owner_type, added_by_name FROM attachments WHERE kind = 'receipt'")).toEqual([
      { owner_type: 'slip', added_by_name: '刘鞋部' },
    ]);
  }, 60_000);

  it('refuses what the screen refuses (a program named .jpg), an unknown staff number, kind or number', () => {
    const exe = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      caseNo,
      '--file',
      join(s.dir, 'invoice.jpg'),
      '--kind',
      'receipt',
      '--staff',
      'C001',
    );
    expect(exe.code).toBe(2);
    expect(exe.err).toContain('[VALIDATION]');
    expect(exe.err).toContain('只能附加 JPEG');
    expect(exe.err).toContain('application/x-msdownload');
    const staff = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      caseNo,
      '--file',
      photo,
      '--kind',
      'receipt',
      '--staff',
      'X999',
    );
    expect(staff.code).toBe(2);
    expect(staff.err).toContain('X999');
    const kind = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      caseNo,
      '--file',
      photo,
      '--kind',
      'selfie',
      '--staff',
      'C001',
    );
    expect(kind.code).toBe(1);
    expect(kind.err).toContain('goods_photo, receipt, id_copy');
    const missing = cli(
      'attach',
      '--db',
      s.file,
      '--number',
      'SH01-YY-202611-9999',
      '--file',
      photo,
      '--kind',
      'receipt',
      '--staff',
      'C001',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No case numbered SH01-YY-202611-9999');
    expect(rows('SELECT count(*) AS n FROM attachments')).toEqual([{ n: 2 }]);
  }, 60_000);
});

describe('npm run cli -- attachments-check', () => {
  it('passes on a consistent store, then reports an orphan file with exit 1 and keeps it', () => {
    const ok = cli('attachments-check', '--db', s.file, '--verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Attachments OK');
    const root = blobRootOf(s.file)!;
    const stray = writeBlob(root, Buffer.from('left behind by a crash')).sha256;
    const bad = cli('attachments-check', '--db', s.file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Files without a row (orphans): 1');
    expect(bad.out).toContain(stray);
    expect(bad.out).toContain('nothing was deleted');
    expect(hasBlob(root, stray)).toBe(true);
  }, 60_000);
});
