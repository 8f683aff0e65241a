// Branch updates through head office: after a successful sync (at most once per interval) asks the feed, downloads and verifies a newer version in the background, and tells the manager's card and the shell whether it installs on the next restart.
import { existsSync } from 'node:fs';
import type { Db } from '../db/connection';
import { refuse } from '../shared/errors';
import type { UpdateStatusView } from '../shared/update-view';
import { checkForUpdate } from './update-feed';
import { downloadUpdate } from './update-download';
import { readUpdateState, writeUpdateState } from './update-state';

export interface UpdateServiceOptions {
  db: Db;
  now: () => number;
  /** Head office's address; null while it is not set. */
  url: () => string | null;
  currentVersion: string;
  /** The update folder inside the data folder. */
  dir: string;
  platform?: NodeJS.Platform;
  fetch?: typeof fetch;
  /** Head office is asked at most once per this interval (default 6 hours). */
  everyMs?: number;
  log?: { warn(message: string, detail?: unknown): void };
}

export interface UpdateService {
  status(): UpdateStatusView;
  /** Asks head office now and downloads a newer version; throws what went wrong. */
  check(): Promise<UpdateStatusView>;
  /** Called after every successful sync: checks in the background when the interval has passed, never throws. */
  afterSync(): Promise<void>;
  /** The manager defers the downloaded version: not installed on restart. */
  defer(): UpdateStatusView;
  /** True when a verified, not deferred version waits to be installed when the app quits. */
  installOnQuit(): boolean;
}

export function createUpdateService(o: UpdateServiceOptions): UpdateService {
  const every = o.everyMs ?? 6 * 3_600_000;
  let running: Promise<void> | null = null;
  const status = (): UpdateStatusView => {
    const s = readUpdateState(o.db);
    const available = s.available;
    const downloaded = available !== null && s.file !== null && existsSync(s.file);
    return {
      current: o.currentVersion,
      available,
      downloaded,
      deferred: available !== null && s.deferred === available,
      lastCheckedAt: s.checkedAt,
    };
  };
  const check = async (): Promise<UpdateStatusView> => {
    const url = o.url();
    if (!url) return status();
    writeUpdateState(o.db, { checkedAt: o.now() });
    const offer = await checkForUpdate({
      url,
      platform: o.platform ?? process.platform,
      currentVersion: o.currentVersion,
      ...(o.fetch ? { fetch: o.fetch } : {}),
    });
    if (!offer) {
      writeUpdateState(o.db, { available: null, file: null });
      return status();
    }
    if (readUpdateState(o.db).available !== offer.version)
      writeUpdateState(o.db, { available: offer.version, file: null });
    const { path } = await downloadUpdate({ baseUrl: url, offer, dir: o.dir, ...(o.fetch ? { fetch: o.fetch } : {}) });
    writeUpdateState(o.db, { file: path });
    return status();
  };
  return {
    status,
    check,
    afterSync() {
      const last = readUpdateState(o.db).checkedAt;
      if (running || (last !== null && o.now() - last < every)) return running ?? Promise.resolve();
      running = check()
        .then(
          () => undefined,
          (e) => o.log?.warn('update check failed', e),
        )
        .finally(() => (running = null));
      return running;
    },
    defer() {
      const s = status();
      if (!s.available || !s.downloaded)
        throw refuse('VALIDATION', '没有已下载的新版本可推迟', 'There is no downloaded new version to defer');
      writeUpdateState(o.db, { deferred: s.available });
      return status();
    },
    installOnQuit() {
      const s = status();
      return s.downloaded && !s.deferred;
    },
  };
}
