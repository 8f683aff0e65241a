// The transport over HTTP with Node's fetch. Every request is signed afresh (new timestamp
// and nonce), while a batch body stays byte-identical, so a retry is a new request carrying
// the same batch. When head office says the clock is off, the offset it reports is used for
// the timestamp from then on: a branch PC with a wrong clock still syncs.
import type { z } from 'zod';
import { isUnencryptedRemote } from '../shared/head-office-address';
import { UNENCRYPTED_WORDS } from '../shared/i18n/vocabulary-connection';
import { isSyncRefusal } from './batch-errors';
import { signRequest } from './batch-sign';
import { CrossBranchFlags } from '../shared/cross-branch-protocol';
import { BranchHolding, ErrorBody, PullAnswer, PushAnswer, RecoveryPage } from './protocol';
import { attachmentPath, attachmentStatusPath, ChunkStatus } from './protocol-attachments';
import { networkError, parseRetryAfter, type Transport, TransportError } from './transport';

export interface HttpTransportOptions {
  url: string;
  branch: string;
  key: string;
  now?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The manager's consent to an http:// head office on another computer; without it nothing is sent there. */
  allowUnencrypted?: boolean;
}

/** A success answer that does not read as the contract says: head office is broken or not head office. */
const unreadable = (status: number) =>
  new TransportError(502, {
    zh: `总部的回答无法读取(HTTP ${status})`,
    en: `Head office's answer cannot be read (HTTP ${status})`,
  });

export class HttpTransport implements Transport {
  private clockOffset = 0;
  constructor(private readonly o: HttpTransportOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)() + this.clockOffset;
  }

  private async request<S extends z.ZodType>(
    answer: S,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: Buffer | null,
    skewRetry = true,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      ...signRequest(this.o.key, { method, path, branch: this.o.branch, body: body ?? '', now: this.now() }),
    };
    if (body) headers['content-type'] = 'application/octet-stream';
    // Checked at every send: settings changed underneath (the file edited) never send data in clear.
    if (isUnencryptedRemote(this.o.url) && !this.o.allowUnencrypted)
      throw new TransportError(426, UNENCRYPTED_WORDS.sendRefused);
    let res: Response;
    try {
      const init: RequestInit = { method, headers, signal: AbortSignal.timeout(this.o.timeoutMs ?? 120_000) };
      if (body) init.body = new Uint8Array(body);
      res = await (this.o.fetch ?? fetch)(new URL(path, this.o.url), init);
    } catch (e) {
      throw networkError(e);
    }
    const text = await res.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.ok) {
      const ok = answer.safeParse(json);
      if (!ok.success) throw unreadable(res.status);
      return ok.data;
    }
    // A refusal without the contract's body (a proxy's error page, say) is told by its status alone.
    const parsed = ErrorBody.safeParse(json);
    const err = parsed.success ? parsed.data : null;
    if (res.status === 401 && err?.code === 'CLOCK_SKEW' && err.serverTime !== undefined && skewRetry) {
      this.clockOffset += err.serverTime - this.now();
      return this.request(answer, method, path, body, false);
    }
    const message = err?.message ?? {
      zh: `总部回应 HTTP ${res.status}`,
      en: `Head office answered HTTP ${res.status}`,
    };
    throw new TransportError(res.status, message, {
      why: err && isSyncRefusal(err.code) ? err.code : null,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
      detail: err ?? {},
    });
  }

  async push(body: Buffer, info: { backlog?: number } = {}): Promise<PushAnswer> {
    // In the query, so the signature covers it; a head office that predates it ignores it.
    const path =
      info.backlog !== undefined ? `/v1/batches?backlog=${Math.max(0, Math.floor(info.backlog))}` : '/v1/batches';
    return this.request(PushAnswer, 'POST', path, body);
  }

  async pull(
    since: number,
    reminders?: number,
    notices?: number,
    reference?: number,
    matters?: number,
  ): Promise<PullAnswer> {
    // An older head office ignores the notice and reference cursors (its query schema strips unknown keys).
    const more =
      (reminders === undefined ? '' : `&reminders=${reminders}`) +
      (notices === undefined ? '' : `&notices=${notices}`) +
      (reference === undefined ? '' : `&reference=${reference}`) +
      (matters === undefined ? '' : `&matters=${matters}`);
    return this.request(PullAnswer, 'GET', `/v1/instructions?since=${since}${more}`, null);
  }

  async holding(): Promise<BranchHolding | null> {
    try {
      return await this.request(BranchHolding, 'GET', '/v1/holding', null);
    } catch (e) {
      // A head office that predates recovery has no such route: sync as before.
      if (e instanceof TransportError && e.status === 404) return null;
      throw e;
    }
  }

  async crossBranch(): Promise<CrossBranchFlags | null> {
    try {
      return await this.request(CrossBranchFlags, 'GET', '/v1/cross-branch', null);
    } catch (e) {
      if (e instanceof TransportError && e.status === 404) return null;
      throw e;
    }
  }

  async attachmentStatus(sha256: string): Promise<ChunkStatus> {
    return this.request(ChunkStatus, 'GET', attachmentStatusPath(sha256), null);
  }

  async putAttachmentChunk(sha256: string, offset: number, total: number, chunk: Buffer): Promise<ChunkStatus> {
    // Offset and total in the query, so the signature covers the chunk's place as well as its bytes.
    return this.request(ChunkStatus, 'PUT', `${attachmentPath(sha256)}?offset=${offset}&total=${total}`, chunk);
  }

  /** An attachment blob's bytes from head office (recovery); null on 404. The caller checks the hash. */
  async attachmentGet(sha256: string): Promise<Buffer | null> {
    const path = `/v1/attachments/${sha256}`;
    const send = async (skewRetry: boolean): Promise<Buffer | null> => {
      const headers = signRequest(this.o.key, {
        method: 'GET',
        path,
        branch: this.o.branch,
        body: '',
        now: this.now(),
      });
      if (isUnencryptedRemote(this.o.url) && !this.o.allowUnencrypted)
        throw new TransportError(426, UNENCRYPTED_WORDS.sendRefused);
      let res: Response;
      try {
        const init = {
          method: 'GET',
          headers: { ...headers },
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 120_000),
        };
        res = await (this.o.fetch ?? fetch)(new URL(path, this.o.url), init);
        if (res.ok) return Buffer.from(await res.arrayBuffer());
      } catch (e) {
        throw networkError(e);
      }
      if (res.status === 404) {
        // Read to the end: an unread body keeps the connection busy, and head office's close waits on it.
        await res.arrayBuffer().catch(() => null);
        return null;
      }
      const json: unknown = await res.json().catch(() => null);
      const parsed = ErrorBody.safeParse(json);
      const err = parsed.success ? parsed.data : null;
      if (res.status === 401 && err?.code === 'CLOCK_SKEW' && err.serverTime !== undefined && skewRetry) {
        this.clockOffset += err.serverTime - this.now();
        return send(false);
      }
      throw new TransportError(
        res.status,
        err?.message ?? { zh: `总部回应 HTTP ${res.status}`, en: `Head office answered HTTP ${res.status}` },
        {
          why: err && isSyncRefusal(err.code) ? err.code : null,
          retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
          detail: err ?? {},
        },
      );
    };
    return send(true);
  }

  async recoveryPage(after: number, limit: number): Promise<RecoveryPage> {
    return this.request(RecoveryPage, 'GET', `/v1/recovery?after=${after}&limit=${limit}`, null);
  }
}
