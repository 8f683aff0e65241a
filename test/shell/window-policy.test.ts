import { mkdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyBackup, pruneBackups } from '../../src-main/backup-rotation';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isTrustedSender,
  MIME_TYPES,
  permissionDecision,
  resolveAppPath,
  secureWebPreferences,
} from '../../src-main/window-policy';
import { openTestStore, tempDir } from '../helpers/store';

describe('window policy', () => {
  it('hardens webPreferences', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has a strict CSP: only own scripts, no objects, no framing, no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    // The attachments' audio player (issue 19): recordings from blob: URLs, nothing remote.
    expect(CONTENT_SECURITY_POLICY).toContain("media-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('serves files under the renderer root only', () => {
    const root = '/opt/app/out/renderer';
    expect(resolveAppPath(root, 'app://branch-desk/index.html')).toBe('/opt/app/out/renderer/index.html');
    expect(resolveAppPath(root, 'app://branch-desk/')).toBe('/opt/app/out/renderer/index.html');
    expect(resolveAppPath(root, 'app://branch-desk/assets/app.js')).toBe('/opt/app/out/renderer/assets/app.js');
    for (const bad of [
      'app://branch-desk/../main/main.cjs',
      'app://branch-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://branch-desk/assets/..%2f..%2fmain.cjs',
      'app://branch-desk/a%5c..%5c..%5csecret',
      'app://branch-desk/index.html%00.png',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://branch-desk/%E0%A4%A',
    ]) {
      expect(resolveAppPath(root, bad), bad).toBeNull();
    }
  });

  it('serves the print preview pdf.js worker (an ES module) and the fallback font with their types', () => {
    // Chromium refuses a module worker served as application/octet-stream under nosniff.
    const worker = createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.worker.min.mjs');
    expect(MIME_TYPES[extname(worker)]).toBe('text/javascript; charset=utf-8');
    for (const ext of ['.html', '.js', '.css', '.ttf']) expect(MIME_TYPES[ext], ext).toBeDefined();
  });

  it('opens only allow-listed https pages outside, answers IPC only from the top app frame, denies permissions', () => {
    expect(isAllowedExternal('https://www.12315.cn/')).toBe(true);
    expect(isAllowedExternal('http://www.12315.cn/')).toBe(false);
    expect(isAllowedExternal('https://www.12315.cn.evil.com/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@www.12315.cn/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isTrustedSender({ url: 'app://branch-desk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://branch-desk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(permissionDecision(p)).toBe(false);
  });

  it("grants the camera to the app's own pages only, and nothing else to anyone (issue 19)", () => {
    const app = { requestingUrl: 'app://branch-desk/index.html', mediaTypes: ['video'] };
    expect(permissionDecision('media', app)).toBe(true);
    // The permission check names the origin only.
    expect(permissionDecision('media', { requestingUrl: 'app://branch-desk', mediaTypes: ['video'] })).toBe(true);
    // The microphone, or camera and microphone together, or no media type named: refused.
    expect(permissionDecision('media', { ...app, mediaTypes: ['audio'] })).toBe(false);
    expect(permissionDecision('media', { ...app, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(permissionDecision('media', { ...app, mediaTypes: [] })).toBe(false);
    expect(permissionDecision('media', { requestingUrl: app.requestingUrl })).toBe(false);
    // Any other origin, or none.
    for (const url of [
      'https://branch-desk/index.html',
      'app://evil.example/index.html',
      'file:///C:/app/index.html',
      'http://127.0.0.1:5178/',
      'not a url',
    ])
      expect(permissionDecision('media', { requestingUrl: url, mediaTypes: ['video'] })).toBe(false);
    expect(permissionDecision('media', { mediaTypes: ['video'] })).toBe(false);
    // Other permissions stay refused even for the app's own pages.
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])
      expect(permissionDecision(p, app)).toBe(false);
  });
});

describe('daily backup', () => {
  it('takes a checked backup once a day and keeps 14 days, never removing the newest', async () => {
    const s = openTestStore();
    const dir = join(s.dir, 'backups');
    const now = Date.parse('2026-11-24T03:00:00Z');
    const first = await dailyBackup(s.db, dir, now);
    expect(first?.integrity).toBe('ok');
    utimesSync(first!.path, now / 1000, now / 1000);
    expect(await dailyBackup(s.db, dir, now + 3_600_000)).toBeNull();
    const old = join(dir, 'old.sqlite');
    writeFileSync(old, 'x');
    const t = (now - 20 * 86_400_000) / 1000;
    utimesSync(old, t, t);
    expect(pruneBackups(dir, now)).toEqual([old]);
    expect(existsSync(first!.path)).toBe(true);
    const lonely = tempDir();
    mkdirSync(join(lonely, 'b'));
    const only = join(lonely, 'b', 'only.sqlite');
    writeFileSync(only, 'x');
    utimesSync(only, t, t);
    expect(pruneBackups(join(lonely, 'b'), now)).toEqual([]);
    s.close();
  });
});
