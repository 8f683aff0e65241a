// The console's only seam to head office: fetch to /console/api/... on the same origin with
// the session cookie. Every state-changing request carries the CSRF token head office gave
// at sign-in (x-csrf-token). Refusals ({code, message:{zh,en}, issues?}) are thrown as
// ConsoleApiError, whose issues become field messages.
import type { Bilingual, FieldIssue } from '../../src-main/shared/errors';
import { type IssueMap, toIssueMap } from '../lib/issues';

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly issues: FieldIssue[],
    readonly body: Record<string, unknown> = {},
  ) {
    super(messages.en);
    this.name = 'ConsoleApiError';
  }

  get fieldIssues(): IssueMap {
    return toIssueMap(this.issues);
  }
}

const NETWORK: Bilingual = {
  zh: '无法连接到总部服务,请稍后重试',
  en: 'Cannot reach the head-office service; please try again',
};

let csrfToken: string | null = null;
/** Remembered from the sign-in and session answers; sent on every POST/PUT/PATCH/DELETE. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when head office answers 401 to a signed-in screen (session expired). */
let onSignedOut: () => void = () => {};
export const whenSignedOut = (f: () => void): void => {
  onSignedOut = f;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

function asError(status: number, body: unknown): ConsoleApiError {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const m = b.message as Partial<Bilingual> | undefined;
  const messages: Bilingual =
    m && typeof m.zh === 'string' && typeof m.en === 'string'
      ? { zh: m.zh, en: m.en }
      : { zh: `总部服务出错(${status})`, en: `Head office answered with an error (${status})` };
  const issues = Array.isArray(b.issues) ? (b.issues as FieldIssue[]) : [];
  return new ConsoleApiError(status, typeof b.code === 'string' ? b.code : 'INTERNAL', messages, issues, b);
}

export async function request<T>(method: string, path: string, body?: unknown, quietUnauthorised = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ConsoleApiError(0, 'NETWORK', NETWORK, []);
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    if (res.status === 401 && !quietUnauthorised) onSignedOut();
    throw asError(res.status, parsed);
  }
  return parsed as T;
}

export const getJson = <T>(path: string, query?: Query): Promise<T> => request<T>('GET', withQuery(path, query));
export const postJson = <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body);
/** For the session probe and sign-in, where 401 is an answer, not an expired session. */
export const getQuiet = <T>(path: string): Promise<T> => request<T>('GET', path, undefined, true);
export const postQuiet = <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body, true);
