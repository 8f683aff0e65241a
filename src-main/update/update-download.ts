// Downloads the offered installer into the update folder once: streams it to a temporary file, keeps it only when its size and SHA-512 match the feed, and never fetches a file already verified.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/errors';
import type { UpdateOffer } from './update-feed';
import { updateUrl } from './update-feed';

/** Base64 SHA-512 of a file, as electron-updater's feed writes it. */
export async function sha512Of(path: string): Promise<string> {
  const h = createHash('sha512');
  await pipeline(createReadStream(path), h);
  return h.digest('base64');
}

/** The file of one offer in the update folder; the name comes from the feed, stripped of any folder. */
export const fileOf = (dir: string, offer: UpdateOffer): string =>
  join(dir, basename(decodeURIComponent(offer.url.replace(/[?#].*$/, ''))));

/** The response body's chunks, read as they arrive (the whole file is never in memory). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Buffer> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield Buffer.from(value);
  }
}

async function verified(path: string, offer: UpdateOffer): Promise<boolean> {
  return existsSync(path) && statSync(path).size === offer.size && (await sha512Of(path)) === offer.sha512;
}

/** The verified installer's path; `fetched` is false when it was already there. */
export async function downloadUpdate(o: {
  baseUrl: string;
  offer: UpdateOffer;
  dir: string;
  fetch?: typeof fetch;
}): Promise<{ path: string; fetched: boolean }> {
  const path = fileOf(o.dir, o.offer);
  if (await verified(path, o.offer)) return { path, fetched: false };
  mkdirSync(o.dir, { recursive: true });
  const part = `${path}.part`;
  const res = await (o.fetch ?? fetch)(updateUrl(o.baseUrl, o.offer.url), { signal: AbortSignal.timeout(30 * 60_000) });
  if (!res.ok || !res.body)
    throw new AppError('VALIDATION', {
      zh: `无法从总部下载新版本 ${o.offer.version}(HTTP ${res.status})`,
      en: `The new version ${o.offer.version} cannot be downloaded from head office (HTTP ${res.status})`,
    });
  const hash = createHash('sha512');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.from(chunksOf(res.body)), count, createWriteStream(part));
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
  const digest = hash.digest('base64');
  if (size !== o.offer.size || digest !== o.offer.sha512) {
    rmSync(part, { force: true });
    throw new AppError('VALIDATION', {
      zh: `新版本 ${o.offer.version} 的安装文件校验不符(大小或 SHA-512 与总部公布的不同),已删除`,
      en: `The installer of version ${o.offer.version} failed verification (its size or SHA-512 differs from head office's feed) and was deleted`,
    });
  }
  renameSync(part, path);
  return { path, fetched: true };
}
