// `headoffice reviewer add` (password from standard input) and the console's static pages
// (CSP, no framing) on every head-office store.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../src-headoffice/console/routes';
import { verifyReviewer } from '../../src-headoffice/console/reviewers';
import { buildServer } from '../../src-headoffice/server';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';

const ROOT = join(import.meta.dirname, '..', '..');

function cli(
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
    child.stdin?.end(stdin);
  });
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('console accounts and pages (%s)', (_name, backend) => {
  it('adds a reviewer from the CLI with the password on standard input, refuses a short one and a duplicate', async () => {
    const dir = tempDir('hq-cli-');
    try {
      const { db, env } = backend.cli(dir);
      const added = await cli(
        ['--db', db, 'reviewer', 'add', 'Wang.Li', '--name', '王审核'],
        env,
        'a long enough secret\n',
      );
      expect(added.code, added.err).toBe(0);
      expect(added.out).toContain('wang.li');
      const short = await cli(['--db', db, 'reviewer', 'add', 'zhao', '--name', '赵'], env, 'short\n');
      expect(short.code).toBe(2);
      expect(short.err).toContain('password');
      const again = await cli(['--db', db, 'reviewer', 'add', 'wang.li', '--name', '王'], env, 'another long secret\n');
      expect(again.code).toBe(2);
      expect(again.err).toContain('已存在');
      const store = await backend.open(dir);
      try {
        expect(await verifyReviewer(store, 'WANG.LI', 'a long enough secret', Date.now())).toEqual({
          username: 'wang.li',
          name: '王审核',
        });
        expect(await store.get('SELECT password_hash FROM reviewers WHERE username = ?', ['wang.li'])).toEqual({
          password_hash: expect.stringMatching(/^scrypt\$16384\$/),
        });
      } finally {
        await store.close();
      }
    } finally {
      await backend.drop(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the console build under /console/ with a CSP and no framing', async () => {
    const dir = tempDir('hq-static-');
    const site = join(dir, 'console');
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(
      join(site, 'index.html'),
      '<!doctype html><title>总部控制台</title><script type="module" src="/console/assets/app.js"></script>',
    );
    writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
    const store = await backend.open(dir);
    const app = await buildServer({ db: store, consoleDir: site });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const page = await fetch(`${url}/console/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('总部控制台');
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(`${url}/console/assets/app.js`)).status).toBe(200);
      const bare = await fetch(`${url}/console`, { redirect: 'manual' });
      expect(bare.status).toBe(302);
      expect(bare.headers.get('location')).toBe('/console/');
      const api = await fetch(`${url}/console/api/cases`);
      expect(api.status).toBe(401);
      expect(api.headers.get('cache-control')).toBe('no-store');
    } finally {
      await app.close();
      await store.close();
      await backend.drop(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
