// A head office with the console over real HTTP on 127.0.0.1, a reviewer, a browser-like
// client (cookie jar, CSRF token, same-origin Origin), and synthetic branch batches of case
// snapshots (or records of any type) for the list, search, repeat-complainant and snapshot tests.
import { afterEach, beforeEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { CSRF_HEADER, type SessionInfo } from '../../src-headoffice/console/api-contract';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import type { HqBackend } from '../helpers/hq-backends';
import { type Hq, startHq } from '../sync/sync-harness';

export const PASSWORD = 'correct horse battery 9';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  json: T;
}

export class ConsoleClient {
  cookie = '';
  csrf = '';
  constructor(readonly hq: Hq) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    o: { csrf?: string | null; origin?: string | null } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const origin = o.origin === undefined ? this.hq.url : o.origin;
    if (origin !== null && method !== 'GET') headers.origin = origin;
    const csrf = o.csrf === undefined ? this.csrf : o.csrf;
    if (csrf && method !== 'GET') headers[CSRF_HEADER] = csrf;
    const res = await fetch(`${this.hq.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] as string;
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as T };
  }

  async signIn(username = 'li', password = PASSWORD): Promise<Answer<SessionInfo>> {
    const r = await this.call<SessionInfo>('POST', '/console/api/session', { username, password });
    if (r.status === 200) this.csrf = r.json.csrfToken;
    return r;
  }
}

export async function startConsole(
  backend: HqBackend,
): Promise<{ hq: Hq; client: ConsoleClient; keys: Record<string, string> }> {
  const hq = await startHq({ backend, limits: { rateMax: 100_000 } });
  await addReviewer(hq.db, { username: 'li', name: '李审核', password: PASSWORD }, Date.now());
  const keys: Record<string, string> = {};
  for (const b of ['SH01', 'SH02', 'BJ01']) keys[b] = await hq.addBranch(b);
  return { hq, client: new ConsoleClient(hq), keys };
}

/** A case snapshot as a branch sends it (null fields left out). */
export function caseSnapshot(branch: string, n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const id = randomUUID();
  const receivedAt = Date.parse('2026-11-01T02:00:00Z') + n * 60_000;
  return {
    id,
    number: `${branch}-YY-202611-${String(n).padStart(4, '0')}`,
    branchCode: branch,
    channel: 'phone',
    status: 'registered',
    severity: 'general',
    receivedAt,
    receivedBy: 'S001',
    anonymous: false,
    customerName: '王五',
    customerPhone: '139 0000 0000',
    purchaseItems: [{ name: '电饭煲' }],
    receiptNo: `R-${branch}-${n}`,
    content: '顾客反映服务台态度一般。',
    categoryCode: 'service_attitude',
    typical: false,
    slipNumbers: [],
    reopenCount: 0,
    version: 1,
    // Made when received, as a branch's case is.
    createdAt: typeof over.receivedAt === 'number' ? over.receivedAt : receivedAt,
    updatedAt: 0,
    events: [],
    promises: [],
    escalations: [],
    instructions: [],
    ...over,
  };
}

const seqs = new Map<string, number>();

/** Pushes case snapshots as one signed batch of the branch (its own epoch per hq), over HTTP. */
export async function pushCases(
  hq: Hq,
  key: string,
  branch: string,
  snaps: Record<string, unknown>[],
  backlog?: number,
): Promise<Answer> {
  return pushRecords(
    hq,
    key,
    branch,
    snaps.map((data) => ({ type: 'case', data })),
    backlog,
  );
}

/** Pushes snapshots of any record type (id and version from the snapshot) as one signed batch of the branch, over HTTP. */
export async function pushRecords(
  hq: Hq,
  key: string,
  branch: string,
  recs: { type: string; data: Record<string, unknown> }[],
  backlog?: number,
): Promise<Answer> {
  const k = `${hq.url}/${branch}`;
  const start = seqs.get(k) ?? 0;
  const records: BatchRecord[] = recs.map(({ type, data }, i) => ({
    seq: start + i + 1,
    type,
    id: String(data.id),
    version: Number(data.version ?? 1),
    schema: 1,
    data: JSON.stringify(data),
  }));
  seqs.set(k, start + recs.length);
  const body = encodeBatch(branch, 'E1', records).body;
  const path = backlog === undefined ? '/v1/batches' : `/v1/batches?backlog=${backlog}`;
  const h = signRequest(key, { method: 'POST', path, branch, body, now: Date.now() });
  const res = await fetch(`${hq.url}${path}`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/**
 * Each test of a file gets its own head office on `backend` with a signed-in reviewer's client (handed to
 * `started`), closed after the test.
 */
export function useConsole(
  backend: HqBackend,
  started: (c: { hq: Hq; client: ConsoleClient; keys: Record<string, string> }) => void,
): void {
  let hq: Hq | undefined;
  beforeEach(async () => {
    const c = await startConsole(backend);
    hq = c.hq;
    await c.client.signIn();
    started(c);
  });
  afterEach(() => hq?.close());
}
