// One budget, across the whole server, for the bytes of request bodies read but not yet verified: counted as they arrive (a preParsing hook), released when the signature is verified, the answer is sent or the connection closes; beyond it a 503 with Retry-After and the rest of the body is not read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Transform } from 'node:stream';
import { tooBusy } from './request-throttle';

/** One request's bytes in the shared budget; released once. */
export class BodyShare {
  held = 0;
  private done = false;

  constructor(private readonly budget: { used: number; readonly capBytes: number }) {}

  /** Holds `n` more bytes; false (and nothing held) when the budget has no room. */
  grow(n: number): boolean {
    if (this.done) return true;
    if (this.budget.used + n > this.budget.capBytes) return false;
    this.budget.used += n;
    this.held += n;
    return true;
  }

  release(): void {
    if (this.done) return;
    this.done = true;
    this.budget.used -= this.held;
    this.held = 0;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's unverified body bytes in the server's budget (absent without a body). */
    bodyShare?: BodyShare;
  }
}

export interface UnverifiedBodyBudget {
  readonly capBytes: number;
  /** Bytes held now (tests read it). */
  readonly used: number;
}

/**
 * Counts every request body into one budget of `capBytes`; a request over it is refused with 503 and
 * `retryAfterS`. A body not received whole within `timeoutMs` is dropped with its connection, so a
 * sender that trickles cannot hold the budget.
 */
export function countUnverifiedBodies(
  app: FastifyInstance,
  o: { capBytes: number; bodyLimitBytes: number; retryAfterS: number; timeoutMs: number },
): UnverifiedBodyBudget {
  const budget = { used: 0, capBytes: o.capBytes };
  app.addHook('preParsing', async (req, reply, payload) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!(declared > 0) && !chunked) return payload;
    const share = new BodyShare(budget);
    req.bodyShare = share;
    const timer = setTimeout(() => {
      share.release();
      req.raw.destroy();
    }, o.timeoutMs);
    timer.unref();
    reply.raw.once('close', () => {
      clearTimeout(timer);
      share.release();
    });
    // The rest of a refused body is not read: the connection closes after the answer.
    const refuse = () => {
      void reply.header('connection', 'close');
      return tooBusy(o.retryAfterS);
    };
    // A declared length over the body cap is refused by the parser (413) before it is read.
    if (declared > 0 && declared <= o.bodyLimitBytes && !share.grow(declared)) throw refuse();
    let received = 0;
    const counting = new Transform({
      transform(chunk: Buffer, _enc, next) {
        received += chunk.length;
        if (received > share.held && !share.grow(received - share.held)) {
          payload.unpipe(counting);
          next(refuse());
          return;
        }
        next(null, chunk);
      },
      flush(done) {
        clearTimeout(timer);
        done();
      },
    });
    return payload.pipe(counting);
  });
  return budget;
}

/** The signature is verified: this request's body no longer counts as unverified. */
export const bodyVerified = (req: FastifyRequest): void => req.bodyShare?.release();
