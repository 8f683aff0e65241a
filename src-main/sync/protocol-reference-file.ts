// The reference file for a USB stick (issue 21 §1): head office writes, for one branch, every reference record in
// force, signed with that branch's sync key (HMAC-SHA256, batch-sign.ts, over the branch code and the body's
// bytes); the branch reads it back with its own code and key. A file for another branch, a changed byte or
// another format is refused in words; the records are then applied like a pull's (reference-pull.ts).
import { z } from 'zod';
import { refuse } from '../shared/errors';
import { ReferenceRecord } from '../shared/reference-data';
import { isAppError } from '../shared/errors';
import { signRequest, verifySignature } from './batch-sign';

export const REFERENCE_FILE_FORMAT = 'branch-desk-reference-1';
/** What the signature binds besides the branch and the body (no request is made). */
const SIGNED = { method: 'PUT', path: '/reference-file' } as const;
/** A file bigger than this is not a reference file (a year is ~30 KB, the library well under 1 MB). */
export const REFERENCE_FILE_MAX_BYTES = 8 * 1024 * 1024;

const Envelope = z.strictObject({
  format: z.literal(REFERENCE_FILE_FORMAT),
  branch: z.string().min(1).max(16),
  timestamp: z.string().regex(/^\d{1,16}$/),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  signature: z.string().min(1).max(200),
  /** The signed bytes: JSON of { writtenAt, records }. */
  body: z.string().max(REFERENCE_FILE_MAX_BYTES),
});
const Body = z.strictObject({ writtenAt: z.string().max(40), records: z.array(ReferenceRecord).max(500) });

/** The file's text for `branch`, signed with its key. */
export function writeReferenceFile(
  branch: string,
  key: string,
  records: readonly ReferenceRecord[],
  now: number,
): string {
  const body = JSON.stringify({ writtenAt: new Date(now).toISOString(), records });
  const h = signRequest(key, { ...SIGNED, branch, body, now });
  return `${JSON.stringify({
    format: REFERENCE_FILE_FORMAT,
    branch,
    timestamp: h['x-bd-timestamp'],
    nonce: h['x-bd-nonce'],
    signature: h['x-bd-signature'],
    body,
  })}\n`;
}

const notOurs = () =>
  refuse(
    'VALIDATION',
    '这不是总部的日历和话术库文件(格式不对)',
    'This is not a head-office calendar and phrase-library file (wrong format)',
  );

/** The records of a file written for `branch`, its signature checked with `key`; refused in words otherwise. */
export function readReferenceFile(bytes: Buffer, branch: string, key: string): ReferenceRecord[] {
  if (bytes.length > REFERENCE_FILE_MAX_BYTES + 4096) throw notOurs();
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notOurs();
  }
  const env = Envelope.safeParse(raw);
  if (!env.success) throw notOurs();
  const e = env.data;
  if (e.branch !== branch)
    throw refuse(
      'FORBIDDEN',
      `这个文件是总部写给门店 ${e.branch} 的,不是本店(${branch})的`,
      `This file was written for branch ${e.branch}, not this branch (${branch})`,
    );
  try {
    verifySignature(
      key,
      { branch: e.branch, timestamp: Number(e.timestamp), nonce: e.nonce, signature: e.signature },
      { ...SIGNED, body: e.body },
    );
  } catch (err) {
    if (isAppError(err))
      throw refuse(
        'AUTH_FAILED',
        '文件签名不符:文件被改动过,或本店同步密钥与总部登记的不同',
        "The file's signature does not match: it was altered, or this branch's sync key differs from head office's",
      );
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(e.body);
  } catch {
    throw notOurs();
  }
  const b = Body.safeParse(body);
  if (!b.success) throw notOurs();
  return b.data.records;
}
