// A transport that misbehaves on purpose around the real HTTP one: drops before or after
// head office commits, duplicates, delays, replays captured requests, flips and truncates
// bytes, re-signs with another branch's key, slips this branch's case into another branch's
// valid batch, floods unsigned requests claiming this branch, and fakes a 503. Adversarial side
// requests must be refused; their statuses are collected so the test can check that they were.
import { encodeBatch } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import type { HttpTransport } from '../../src-main/sync/http-transport';
import type { PullAnswer, PushAnswer } from '../../src-main/sync/protocol';
import { networkError, type Transport, TransportError } from '../../src-main/sync/transport';

export const FAULTS = [
  'none',
  'dropBefore',
  'dropAfter',
  'duplicate',
  'delay',
  'replayOld',
  'replayRaw',
  'flipSigned',
  'flipUnsigned',
  'truncate',
  'resignOther',
  'foreignInside',
  'unsignedFlood',
  'server503',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultContext {
  url: string;
  branch: string;
  key: string;
  other: { branch: string; key: string };
  /** How many requests an unsignedFlood sends. */
  flood: number;
}

export class FaultyTransport implements Transport {
  faults: Fault[] = [];
  // Adversarial requests use the true clock: each must be refused for its own fault, not for skew.
  /** Statuses head office gave to the adversarial requests (all must be refusals). */
  readonly refusals: number[] = [];
  private readonly delivered: Buffer[] = [];
  private delayed: Buffer[] = [];
  private lastRaw: { headers: Record<string, string>; body: Buffer } | null = null;
  /** Statuses of the unsigned flood's requests. */
  readonly floodRefusals: number[] = [];
  /** How many foreign batches were sent: each is refused with an alert on both branches. */
  foreignSent = 0;

  constructor(
    private readonly inner: HttpTransport,
    private readonly c: FaultContext,
  ) {}

  private async raw(branch: string, key: string, signed: Buffer, sent: Buffer, remember = false): Promise<number> {
    const headers = {
      ...signRequest(key, { method: 'POST', path: '/v1/batches', branch, body: signed, now: Date.now() }),
      'content-type': 'application/octet-stream',
    };
    if (remember) this.lastRaw = { headers, body: sent };
    const res = await fetch(`${this.c.url}/v1/batches`, { method: 'POST', headers, body: new Uint8Array(sent) });
    await res.arrayBuffer();
    return res.status;
  }

  private async attack(status: Promise<number>): Promise<void> {
    this.refusals.push(await status);
  }

  /** The other branch's own, validly signed batch holding one case numbered as this branch's. */
  private async foreignInside(): Promise<void> {
    this.foreignSent++;
    const id = `0190b000-0000-7000-8000-${String(this.foreignSent).padStart(12, '0')}`;
    const record = {
      seq: 1,
      type: 'case',
      id,
      version: 1,
      schema: 1,
      data: JSON.stringify({
        id,
        branchCode: this.c.branch,
        number: `${this.c.branch}-YY-202611-9${this.foreignSent}`,
      }),
    };
    const { body } = encodeBatch(this.c.other.branch, `${this.c.other.branch}-E`, [record]);
    await this.attack(this.raw(this.c.other.branch, this.c.other.key, body, body));
  }

  /**
   * Requests that claim this branch with no signature or a made-up one, more than head office lets a
   * verified branch send in a window (FaultContext.flood): each refused, and the real branch not throttled.
   */
  private async unsignedFlood(): Promise<void> {
    for (let i = 0; i < this.c.flood; i++) {
      const claim = { 'x-bd-branch': this.c.branch, 'x-bd-timestamp': String(Date.now()), 'x-bd-nonce': `flood-${i}` };
      const forged: Record<string, string> = i % 2 === 0 ? { 'x-bd-signature': 'f'.repeat(64) } : {};
      const res = await fetch(`${this.c.url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...claim, ...forged },
        body: new Uint8Array(64),
      });
      await res.arrayBuffer();
      this.floodRefusals.push(res.status);
    }
  }

  async push(body: Buffer): Promise<PushAnswer> {
    const fault = this.faults.shift() ?? 'none';
    // Delayed batches arrive late, after newer ones: old news for head office.
    for (const old of this.delayed.splice(0)) await this.inner.push(old).catch(() => undefined);
    const flipped = Buffer.from(body);
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] as number) ^ 0x10;
    switch (fault) {
      case 'dropBefore':
        throw networkError(new Error('connection dropped before sending'));
      case 'dropAfter':
        await this.inner.push(body);
        throw networkError(new Error('connection dropped before the answer'));
      case 'server503':
        throw new TransportError(503, { zh: '总部维护中', en: 'Head office under maintenance' });
      case 'duplicate':
        await this.inner.push(body).catch(() => undefined);
        break;
      case 'delay':
        this.delayed.push(body);
        throw networkError(new Error('delivery delayed'));
      case 'replayOld': {
        const old = this.delivered[Math.floor(this.delivered.length / 2)];
        if (old) await this.inner.push(old).catch(() => undefined);
        break;
      }
      case 'replayRaw':
        if (this.lastRaw) {
          const { headers, body: b } = this.lastRaw;
          const res = await fetch(`${this.c.url}/v1/batches`, { method: 'POST', headers, body: new Uint8Array(b) });
          await res.arrayBuffer();
          this.refusals.push(res.status);
        }
        break;
      case 'flipSigned':
        await this.attack(this.raw(this.c.branch, this.c.key, body, flipped));
        break;
      case 'flipUnsigned':
        await this.attack(this.raw(this.c.branch, this.c.key, flipped, flipped));
        break;
      case 'truncate':
        await this.attack(
          this.raw(this.c.branch, this.c.key, body.subarray(0, body.length - 20), body.subarray(0, body.length - 20)),
        );
        break;
      case 'resignOther':
        await this.attack(this.raw(this.c.other.branch, this.c.other.key, body, body));
        break;
      case 'foreignInside':
        await this.foreignInside();
        break;
      case 'unsignedFlood':
        await this.unsignedFlood();
        break;
      case 'none':
        break;
    }
    if (fault === 'none' && !this.lastRaw) {
      // Capture one genuine signed request so a later 'replayRaw' can replay it verbatim.
      const status = await this.raw(this.c.branch, this.c.key, body, body, true);
      if (status !== 200) throw new TransportError(status, { zh: `HTTP ${status}`, en: `HTTP ${status}` });
    }
    const answer = await this.inner.push(body);
    this.delivered.push(body);
    return answer;
  }

  pull(since: number): Promise<PullAnswer> {
    return this.inner.pull(since);
  }
}
