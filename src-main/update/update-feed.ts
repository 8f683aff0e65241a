// Reads head office's update feed (electron-updater's generic provider layout: latest.yml or latest-linux.yml) and says whether it offers a newer version.
import semver from 'semver';
import { AppError } from '../shared/errors';
import { parseUpdateInfo } from '../shared/update-info';

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

const unreadable = (en: string, zh = en) =>
  new AppError('VALIDATION', {
    zh: `总部的更新信息无法读取:${zh}`,
    en: `Head office's update feed cannot be read: ${en}`,
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
  const name = feedName(o.platform);
  let feed;
  try {
    feed = parseUpdateInfo(await res.text(), name);
  } catch (e) {
    // The shared reader names the file and the line or field, in both languages.
    throw e instanceof AppError ? unreadable(e.messages.en, e.messages.zh) : e;
  }
  if (semver.valid(feed.version) === null) throw unreadable(`${name}: version ${feed.version}`);
  const file = feed.files[0];
  if (!file || file.size === 0) throw unreadable(`${name}: files[0]`);
  if (!semver.gt(feed.version, o.currentVersion)) return null;
  return { version: feed.version, url: file.url, sha512: file.sha512, size: file.size };
}
