// Reads head office's update feed (electron-updater's generic provider layout: latest.yml or latest-linux.yml) and says whether it offers a newer version.
import semver from 'semver';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../shared/errors';

const FeedFile = z.object({ url: z.string().min(1), sha512: z.string().min(1), size: z.number().int().positive() });
const Feed = z.object({
  version: z.string().refine((v) => semver.valid(v) !== null),
  files: z.tuple([FeedFile], FeedFile),
});

export interface UpdateOffer {
  version: string;
  url: string;
  sha512: string;
  size: number;
}

export const feedName = (platform: NodeJS.Platform): string =>
  platform === 'linux' ? 'latest-linux.yml' : 'latest.yml';

/** Head office's address plus /v1/updates/<name>, whatever path the address already has. */
export function updateUrl(base: string, name: string): URL {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(`v1/updates/${name.split('/').map(encodeURIComponent).join('/')}`, root);
}

const unreadable = (why: string) =>
  new AppError('VALIDATION', {
    zh: `总部的更新信息无法读取:${why}`,
    en: `Head office's update feed cannot be read: ${why}`,
  });

/** The newer version the feed offers, or null when it offers this version or an older one. */
export async function checkForUpdate(o: {
  url: string;
  platform: NodeJS.Platform;
  currentVersion: string;
  fetch?: typeof fetch;
}): Promise<UpdateOffer | null> {
  const res = await (o.fetch ?? fetch)(updateUrl(o.url, feedName(o.platform)), {
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw unreadable(`HTTP ${res.status}`);
  let doc: unknown;
  try {
    doc = parse(await res.text());
  } catch (e) {
    throw unreadable(String((e as Error).message));
  }
  const feed = Feed.safeParse(doc);
  if (!feed.success) throw unreadable(feed.error.issues.map((i) => i.path.join('.') || 'version').join(', '));
  if (!semver.gt(feed.data.version, o.currentVersion)) return null;
  const file = feed.data.files[0];
  return { version: feed.data.version, url: file.url, sha512: file.sha512, size: file.size };
}
