// npm run smoke:electron as a real child process: with no Electron binary (or a packaged path that does not exist) it
// fails with one bilingual line, never a silent pass; and .ci/run, which has no Electron binary, does not call it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function smoke(args: string[], env: NodeJS.ProcessEnv) {
  const { BRANCH_DESK_SMOKE_APP: _app, ELECTRON_OVERRIDE_DIST_PATH: _dist, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/smoke-electron.ts', ...args], {
    cwd: ROOT,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run smoke:electron without an Electron binary', () => {
  it('exits non-zero with one bilingual "binary not found" line when node_modules/electron has no binary', () => {
    dir = mkdtempSync(join(tmpdir(), 'branch-desk-no-electron-'));
    // An empty dist folder stands for an install made with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
    const r = smoke([], { ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^找不到 Electron 可执行文件.* \/ Electron binary not found/);
    expect(lines[0]).toContain(dir);
    expect(r.stdout).not.toMatch(/冒烟测试通过|Smoke test passed/);
  });

  it('exits non-zero naming the path when the packaged app given with --app or BRANCH_DESK_SMOKE_APP does not exist', () => {
    const missing = join(tmpdir(), 'branch-desk-no-such-app', 'Branch Desk.exe');
    for (const r of [smoke(['--app', missing], {}), smoke([], { BRANCH_DESK_SMOKE_APP: missing })]) {
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `找不到 Electron 可执行文件(安装版):${missing} / Electron binary not found (packaged app): ${missing}`,
      );
    }
  });

  it('refuses --app without a path', () => {
    const r = smoke(['--app'], {});
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      '--app 后须给出安装版可执行文件的路径 / --app needs the path of a packaged executable',
    );
  });

  it('is not called by .ci/run', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).not.toMatch(/smoke:electron|smoke-electron/);
  });
});
