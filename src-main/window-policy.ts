// The security policy of the app window, as plain data and pure checks so that it is
// tested under Node (window.ts applies it with Electron). See ARCHITECTURE §3 and issue #4.
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'branch-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Only our own scripts; inline styles are allowed because the component library injects
 * its CSS at run time. No remote connections: sync runs in the main process.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // The attachments' audio player plays the recording's bytes from a blob: URL (issue 19).
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The hardened webPreferences of every window that shows app content. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would open new windows; they are denied anyway, this removes the event.
    disableBlinkFeatures: 'Auxclick',
    devTools: process.env.BRANCH_DESK_DEVTOOLS === '1',
  } as const;
}

/** https pages the app may open in the system browser (never inside the app). */
export const EXTERNAL_HOSTS = ['www.12315.cn', 'www.samr.gov.cn'] as const;

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      (EXTERNAL_HOSTS as readonly string[]).includes(u.hostname) &&
      u.username === '' &&
      u.password === ''
    );
  } catch {
    return false;
  }
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is answered only for the app's own top-level frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Permission requests are refused (notifications, geolocation, clipboard, microphone…), except the
 * camera for the app's own pages (issue 19: a photo of the goods taken at the counter): `media`
 * granted only when the request comes from the app:// origin and asks for video alone. A request
 * without its origin, from any other origin, or that includes audio, is refused.
 */
export function permissionDecision(
  permission: string,
  request: { requestingUrl?: string | undefined; mediaTypes?: readonly string[] | undefined } = {},
): boolean {
  if (permission !== 'media') return false;
  if (request.requestingUrl === undefined || !isAppUrl(request.requestingUrl)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is foreign or tries to
 * leave the root (`..`, encoded separators, absolute paths, NUL bytes).
 */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  // The URL parser folds "/../" away; a request that tried it is refused rather than reinterpreted.
  if (/(\.|%2e){2}/i.test(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const target = resolve(root, normalize(segments.join(sep)));
  const rel = relative(resolve(root), target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return target;
}

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};
