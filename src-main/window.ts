// The hardened app window (policy in window-policy.ts): sandboxed renderer with context
// isolation, the UI served from app:// with path checks and a strict CSP, navigation and new
// windows denied, permission requests denied, external links only to allow-listed https.
import { BrowserWindow, net, protocol, type Session, shell } from 'electron';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedExternal,
  isAppUrl,
  MIME_TYPES,
  permissionDecision,
  resolveAppPath,
  secureWebPreferences,
} from './window-policy';

/** Must run before the app is ready. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    if (!res.ok) return new Response('Not found', { status: 404 });
    return new Response(res.body, {
      status: 200,
      headers: {
        'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(
      permissionDecision(permission, {
        requestingUrl: details.requestingUrl,
        mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      }),
    ),
  );
  // A check (before any request) for the camera: the origin asking, and the media type it names.
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    permissionDecision(permission, {
      requestingUrl: requestingOrigin,
      mediaTypes: 'mediaType' in details && details.mediaType ? [details.mediaType] : undefined,
    }),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function hardenContents(win: BrowserWindow): void {
  const wc = win.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Branch Desk 门店顾客异议台',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  hardenContents(win);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
