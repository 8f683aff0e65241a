// window.ts applies the policy through Electron's API; here Electron is replaced by fakes
// that record what the window asks for, and the recorded handlers are then exercised.
import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
const created: { options: Record<string, unknown>; loaded: string[] }[] = [];

vi.mock('electron', () => {
  class FakeContents {
    handlers = new Map<string, (...a: unknown[]) => void>();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    on(event: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(event, fn);
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    net: { fetch: () => Promise.resolve(new Response('')) },
    protocol: { handle: () => {}, registerSchemesAsPrivileged: () => {} },
    shell: { openExternal: (url: string) => opened.push(url) },
  };
});

const { createMainWindow, hardenSession } = await import('../../src-main/window');

describe('the app window', () => {
  it('is created with the hardened preferences and loads the app from app://', () => {
    const win = createMainWindow('/app/out/preload/preload.cjs') as unknown as {
      webContents: {
        openHandler: (d: { url: string }) => { action: string };
        handlers: Map<string, (...a: unknown[]) => void>;
      };
    };
    const rec = created[created.length - 1]!;
    expect(rec.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/out/preload/preload.cjs',
    });
    expect(rec.loaded).toEqual(['app://branch-desk/index.html']);

    // New windows are always denied; allow-listed https pages go to the system browser.
    expect(win.webContents.openHandler({ url: 'https://www.12315.cn/' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.12315.cn/']);

    // Navigation away from the app is prevented; inside the app it is allowed.
    const nav = (event: string, url: string) => {
      let prevented = false;
      win.webContents.handlers.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('will-navigate', 'https://evil.example/')).toBe(true);
    expect(nav('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-navigate', 'app://branch-desk/index.html#/cases')).toBe(false);
    expect(nav('will-attach-webview', 'app://branch-desk/')).toBe(true);
  });

  it("denies every permission but the app's own camera, and sets the CSP on every response", () => {
    type Details = { requestingUrl: string; mediaTypes?: string[] };
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, d: Details) => void) | null = null;
    let check: ((wc: unknown, p: string, origin: string, d: { mediaType?: string }) => boolean) | null = null;
    let headers:
      | ((
          d: { responseHeaders: Record<string, string[]> },
          cb: (r: { responseHeaders: Record<string, string[]> }) => void,
        ) => void)
      | null = null;
    hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      webRequest: { onHeadersReceived: (fn: typeof headers) => (headers = fn) },
    } as never);
    const answers: boolean[] = [];
    const foreign = { requestingUrl: 'https://example.com/', mediaTypes: ['video'] };
    for (const p of ['media', 'notifications', 'geolocation']) request!(null, p, (ok) => answers.push(ok), foreign);
    const app = { requestingUrl: 'app://branch-desk/index.html', mediaTypes: ['video'] };
    for (const p of ['media', 'notifications', 'geolocation']) request!(null, p, (ok) => answers.push(ok), app);
    request!(null, 'media', (ok) => answers.push(ok), { ...app, mediaTypes: ['audio'] });
    expect(answers).toEqual([false, false, false, true, false, false, false]);
    expect(check!(null, 'clipboard-read', 'app://branch-desk', {})).toBe(false);
    expect(check!(null, 'media', 'app://branch-desk', { mediaType: 'video' })).toBe(true);
    expect(check!(null, 'media', 'https://example.com', { mediaType: 'video' })).toBe(false);
    let out: Record<string, string[]> = {};
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(out['Content-Type']).toEqual(['text/html']);
  });
});
