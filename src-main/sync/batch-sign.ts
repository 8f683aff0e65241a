// HMAC-SHA256 request signatures under the branch's key. The signed text binds the method,
// the path, the branch, a timestamp, a one-time nonce and the body's sha256, so a signature
// cannot be moved to another request, another branch or another body.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { syncRefuse } from './batch-errors';
import { sha256Hex } from './batch-format';

export interface SignedHeaders {
  'x-bd-branch': string;
  'x-bd-timestamp': string;
  'x-bd-nonce': string;
  'x-bd-signature': string;
}

/** Head office refuses a request whose timestamp is further than this from its own clock. */
export const MAX_SKEW_MS = 300_000;

export function canonical(
  method: string,
  path: string,
  branch: string,
  timestamp: number,
  nonce: string,
  body: Buffer | string,
): string {
  return [method.toUpperCase(), path, branch, String(timestamp), nonce, sha256Hex(body)].join('\n');
}

const hmac = (key: string, text: string): string => createHmac('sha256', key).update(text).digest('base64url');

export function signRequest(
  key: string,
  req: { method: string; path: string; branch: string; body: Buffer | string; now: number; nonce?: string },
): SignedHeaders {
  const nonce = req.nonce ?? randomBytes(16).toString('base64url');
  return {
    'x-bd-branch': req.branch,
    'x-bd-timestamp': String(req.now),
    'x-bd-nonce': nonce,
    'x-bd-signature': hmac(key, canonical(req.method, req.path, req.branch, req.now, nonce, req.body)),
  };
}

export interface SignatureParts {
  branch: string;
  timestamp: number;
  nonce: string;
  signature: string;
}

/** Reads the signature headers; missing or malformed ones are a refusal, not a crash. */
export function readSignature(headers: Record<string, string | string[] | undefined>): SignatureParts {
  const get = (k: string) => {
    const v = headers[k];
    return typeof v === 'string' ? v : '';
  };
  const branch = get('x-bd-branch');
  const ts = get('x-bd-timestamp');
  const nonce = get('x-bd-nonce');
  const signature = get('x-bd-signature');
  if (!branch || !/^\d{1,16}$/.test(ts) || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce) || !signature) {
    throw syncRefuse('BAD_SIGNATURE', '请求缺少签名或签名格式不对', 'The request has no signature or a malformed one');
  }
  return { branch, timestamp: Number(ts), nonce, signature };
}

/**
 * Checks the signature (constant time) and, when `now` is given, the timestamp window.
 * Batch files pass no `now`: a USB file is days old by design and its replay is harmless
 * because importing is idempotent.
 */
export function verifySignature(
  key: string,
  parts: SignatureParts,
  req: { method: string; path: string; body: Buffer | string },
  now?: number,
): void {
  const want = Buffer.from(
    hmac(key, canonical(req.method, req.path, parts.branch, parts.timestamp, parts.nonce, req.body)),
  );
  const got = Buffer.from(parts.signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    throw syncRefuse(
      'BAD_SIGNATURE',
      '签名不符:门店同步密钥不对,或数据在途中被改动',
      'Bad signature: the branch sync key is wrong or the data was altered on the way',
    );
  }
  if (now !== undefined && Math.abs(now - parts.timestamp) > MAX_SKEW_MS) {
    throw syncRefuse(
      'CLOCK_SKEW',
      '门店电脑时钟与总部相差超过 5 分钟',
      "The branch computer's clock differs from head office by more than 5 minutes",
      { serverTime: now },
    );
  }
}
