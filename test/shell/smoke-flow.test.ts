// The smoke test's steps (scripts/smoke-flow.ts) through dispatch on a real empty store, with a platform port that
// saves like BRANCH_DESK_SAVE_DIR does: the first manager, a case, its record as a PDF; a store with accounts is refused.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { smokeFlow } from '../../scripts/smoke-flow';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import type { Channel } from '../../src-main/shared/ipc/contract';
import { CHANNEL_NAMES } from '../../src-main/shared/ipc/contract';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';

let dir = '';
let db: Db | null = null;
let app: BranchApp | null = null;
afterEach(() => {
  app?.stop();
  db?.close();
  db = null;
  app = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function emptyApp() {
  dir = mkdtempSync(join(tmpdir(), 'branch-desk-smoke-flow-'));
  db = openDatabase(join(dir, 'branch.sqlite')).db;
  const saveDir = join(dir, 'saved');
  app = createBranchApp({
    db,
    settings: { branch: () => structuredClone(DEFAULT_BRANCH_SETTINGS) },
    fontDir: join(import.meta.dirname, '../../assets/fonts'),
    platform: {
      printPdf: async () => ({ printed: false, printerName: null }),
      listPrinters: async () => [],
      savePdf: async (pdf, name) => {
        const file = join(saveDir, basename(name));
        mkdirSync(saveDir, { recursive: true });
        writeFileSync(file, pdf);
        return file;
      },
      saveFile: async () => null,
    },
  });
  const session: Session = { user: null };
  const channels = new Set<string>(CHANNEL_NAMES);
  const ctx = app.ctx;
  const invoke = async (channel: string, input: unknown) => {
    if (!channels.has(channel)) throw new Error(`unknown channel ${channel}`);
    return dispatch(ctx, session, channel as Channel, input as never);
  };
  return { invoke, saveDir, session };
}

describe('smoke flow', () => {
  it('creates the first manager, registers a case and saves its record as a PDF', async () => {
    const { invoke, saveDir, session } = emptyApp();
    const out = await smokeFlow(invoke);
    expect(session.user).toMatchObject({ staffNo: 'M001', role: 'manager' });
    expect(out.caseNumber).toMatch(/\S/);
    expect(out.pdfPath?.startsWith(saveDir)).toBe(true);
    expect(existsSync(out.pdfPath!)).toBe(true);
    expect(readFileSync(out.pdfPath!).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('refuses a store that already has accounts, in both languages', async () => {
    const { invoke } = emptyApp();
    await smokeFlow(invoke);
    await expect(smokeFlow(invoke)).rejects.toThrow(
      '冒烟测试须从空的数据目录开始 / The smoke test must start on an empty data folder',
    );
  });
});
