// `attachment get SHA256 --out FILE` (support, issue 19): copies the bytes head office holds, streamed and
// hash-checked on the way (a damaged file is refused, the partial output removed), or says why not.
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Bilingual } from '../src-main/shared/errors';
import { isSha256, openAttachmentStore } from './attachment-store';

export type GetAnswer = { ok: true; bytes: number } | { ok: false; words: Bilingual };

export async function copyHeldAttachment(root: string, sha256: string, out: string): Promise<GetAnswer> {
  const sha = sha256.trim().toLowerCase();
  if (!isSha256(sha))
    return {
      ok: false,
      words: { zh: `不是 SHA-256:${sha256.slice(0, 80)}`, en: `Not a SHA-256: ${sha256.slice(0, 80)}` },
    };
  const store = openAttachmentStore(root);
  if (!store.has(sha))
    return {
      ok: false,
      words: {
        zh: `总部没有这个附件的文件(${sha}),附件目录 ${root}`,
        en: `Head office does not hold this attachment (${sha}); attachment folder ${root}`,
      },
    };
  const h = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(store.stream(sha), tap, createWriteStream(out));
  if (h.digest('hex') !== sha) {
    rmSync(out, { force: true });
    return {
      ok: false,
      words: {
        zh: `总部保存的文件与其 SHA-256 不符(已损坏):${sha}`,
        en: `The file head office holds does not match its SHA-256 (damaged): ${sha}`,
      },
    };
  }
  return { ok: true, bytes };
}
