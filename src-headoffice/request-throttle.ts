// Counts branch requests per key in windows (per verified branch, per source address of unverified traffic) and answers over the limit with 429 or 503, Retry-After and a bilingual body.
import type { ErrorBody } from '../src-main/sync/protocol';

/** Requests per key in a window that starts at the key's first request; ended windows are swept once a window. */
export class WindowCounter {
  private lastSweep = 0;
  private readonly windows = new Map<string, { start: number; n: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  private current(key: string, now: number): { start: number; n: number } | undefined {
    if (now - this.lastSweep >= this.windowMs) {
      this.lastSweep = now;
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    }
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w : undefined;
  }

  /** Counts one request of `key`; returns ms until its window ends when this one is over the limit, else null. */
  hit(key: string, now: number): number | null {
    const w = this.current(key, now) ?? { start: now, n: 0 };
    w.n++;
    this.windows.set(key, w);
    return w.n > this.max ? w.start + this.windowMs - now : null;
  }

  /** Without counting: ms until the window ends when `key` has used up its limit, else null. */
  exceeded(key: string, now: number): number | null {
    const w = this.current(key, now);
    return w && w.n >= this.max ? w.start + this.windowMs - now : null;
  }
}

/** A refusal that says when to come back: 429 (too many requests) or 503 (too many unverified bytes at once). */
export class Throttled extends Error {
  constructor(
    readonly statusCode: 429 | 503,
    readonly retryAfterS: number,
    readonly body: ErrorBody,
  ) {
    super(body.message.en);
  }
}

export const tooMany = (retryAfterMs: number, who: { zh: string; en: string }): Throttled => {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new Throttled(429, s, {
    code: 'RATE_LIMITED',
    message: {
      zh: `${who.zh}的请求太频繁,请 ${s} 秒后再试`,
      en: `Too many requests ${who.en}; retry in ${s} s`,
    },
  });
};

export const tooBusy = (retryAfterS: number): Throttled =>
  new Throttled(503, retryAfterS, {
    code: 'BUSY',
    message: {
      zh: `总部正在接收的未验证请求数据已达上限,请 ${retryAfterS} 秒后再试`,
      en: `Head office is receiving as many unverified request bodies as it accepts at once; retry in ${retryAfterS} s`,
    },
  });

export const isThrottled = (e: unknown): e is Throttled => e instanceof Throttled;
