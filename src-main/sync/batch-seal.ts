// Encryption of a batch file or USB part for head office (issue 20 §4): a stick holds no plain
// customer data. The sealed file wraps the signed file as it was (batch-file.ts, batch-container.ts):
//   bytes 0–7   magic "BDSEAL1\n"
//   then        the header's byte length (uint32 big-endian) and the header, UTF-8 JSON
//               {"format":"branch-desk-sealed","version":1,"cipher":"aes-256-gcm","kdf":"hkdf-sha256","branch","salt","iv"}
//   then        the ciphertext of the signed file, then the 16-byte GCM tag
// The key is HKDF-SHA256 of the branch's sync key with the header's random salt and SEAL_INFO; the
// magic, length and header are the GCM's additional data, so the branch named cannot be changed.
// Invariant: head office uses no plaintext until the tag has been checked (unsealFile writes to a
// temporary file and only answers after `final`).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { syncRefuse } from './batch-errors';

export const SEAL_MAGIC = Buffer.from('BDSEAL1\n', 'latin1');
const SEAL_INFO = Buffer.from('branch-desk batch file seal v1', 'utf8');
const TAG = 16;
const MAX_HEADER = 4096;
const STEP = 1024 * 1024;

const SealHeader = z.strictObject({
  format: z.literal('branch-desk-sealed'),
  version: z.literal(1),
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('hkdf-sha256'),
  branch: z.string().max(32),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
});
type SealHeader = z.infer<typeof SealHeader>;

const sealKey = (syncKey: string, salt: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(syncKey, 'utf8'), salt, SEAL_INFO, 32));

export const isSealed = (head: Buffer): boolean =>
  head.length >= SEAL_MAGIC.length && head.subarray(0, SEAL_MAGIC.length).equals(SEAL_MAGIC);

/** A streaming seal: write `head`, then every `update(...)`, then `final()` (the tag). */
export interface Seal {
  head: Buffer;
  update(plain: Uint8Array): Buffer;
  final(): Buffer;
}

export function createSeal(branch: string, syncKey: string): Seal {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: SealHeader = {
    format: 'branch-desk-sealed',
    version: 1,
    cipher: 'aes-256-gcm',
    kdf: 'hkdf-sha256',
    branch,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length, 0);
  const head = Buffer.concat([SEAL_MAGIC, len, json]);
  const cipher = createCipheriv('aes-256-gcm', sealKey(syncKey, salt), iv);
  cipher.setAAD(head);
  return {
    head,
    update: (plain) => cipher.update(plain),
    final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
  };
}

/** A whole batch file sealed in memory (the JSON batch file: its size is bounded by the batch caps). */
export function sealBytes(plain: Uint8Array, branch: string, syncKey: string): Buffer {
  const s = createSeal(branch, syncKey);
  return Buffer.concat([s.head, s.update(plain), s.final()]);
}

const tampered = () =>
  syncRefuse(
    'DAMAGED',
    '加密的批次文件已被改动、损坏,或不是用该门店的同步密钥加密的,整份拒收',
    "The encrypted batch file was altered or damaged, or was not sealed with this branch's sync key; refused whole",
  );

function readExactly(fd: number, at: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, b, got, length - got, at + got);
    if (n === 0) throw tampered();
    got += n;
  }
  return b;
}

/** The header of a sealed file (branch named in clear, so head office knows whose key opens it). */
export function readSealHeader(fd: number): { header: SealHeader; head: Buffer } {
  const size = fstatSync(fd).size;
  if (size < SEAL_MAGIC.length + 4 + TAG) throw tampered();
  const start = readExactly(fd, 0, SEAL_MAGIC.length + 4);
  if (!isSealed(start)) throw tampered();
  const len = start.readUInt32BE(SEAL_MAGIC.length);
  if (len > MAX_HEADER || start.length + len + TAG > size) throw tampered();
  const json = readExactly(fd, start.length, len);
  let header: SealHeader;
  try {
    header = SealHeader.parse(JSON.parse(json.toString('utf8')));
  } catch {
    throw tampered();
  }
  return { header, head: Buffer.concat([start, json]) };
}

/**
 * Decrypts the sealed file `src` into `dst` (created with mode 0600) with the key of the branch its
 * header names (`keyOf` refuses an unknown branch). On a wrong tag `dst` is removed and the file refused.
 */
export async function unsealFile(
  src: string,
  dst: string,
  keyOf: (branch: string) => Promise<string>,
): Promise<{ branch: string }> {
  const fd = openSync(src, 'r');
  let out: number | null = null;
  try {
    const { header, head } = readSealHeader(fd);
    const key = await keyOf(header.branch);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealKey(key, Buffer.from(header.salt, 'base64')),
      Buffer.from(header.iv, 'base64'),
    );
    decipher.setAAD(head);
    const size = fstatSync(fd).size;
    const end = size - TAG;
    decipher.setAuthTag(readExactly(fd, end, TAG));
    out = openSync(dst, 'w', 0o600);
    for (let at = head.length; at < end; at += STEP) {
      const plain = decipher.update(readExactly(fd, at, Math.min(STEP, end - at)));
      writeSync(out, plain);
    }
    try {
      writeSync(out, decipher.final());
    } catch {
      throw tampered();
    }
    return { branch: header.branch };
  } catch (e) {
    if (out !== null) {
      closeSync(out);
      out = null;
    }
    rmSync(dst, { force: true });
    throw e;
  } finally {
    if (out !== null) closeSync(out);
    closeSync(fd);
  }
}
