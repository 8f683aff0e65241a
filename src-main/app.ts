// The one composition root of the branch app: the service context, the handler map bound to
// it, the default categories, sync with head office (when asked for) and the deadline refresh
// after a settings change. The Electron main, the browser mode, the CLI and the tests build the
// app here; what only Electron has (safeStorage, dialogs, the window) comes in as ports.
import type { Db } from './db/connection';
import { dispatch, type IncidentLogger } from './handlers';
import type { AppContext, PlatformPort, Session, SettingsAccess } from './handlers/types';
import { scheduleDailyRetention } from './services/retention-schedule';
import { scheduleSearchFlush } from './services/search-backlog';
import { createContext } from './services/context';
import { refreshDeadlines } from './services/deadline-refresh';
import { ensureReceiptKeys, rekeyReceipts } from './services/receipt-keys';
import { ensureDefaultCategories } from './services/reference-data';
import type { SecretBox } from './settings/settings-store';
import type { Channel, ChannelOutput } from './shared/ipc/contract';
import { loggableError } from './shared/loggable-error';
import type { Result } from './shared/result';
import type { AppSettings, BranchSettings } from './shared/settings-schema';
import { createSyncService, type SyncConfig, type SyncServiceOptions } from './sync/sync-service';
import { createUpdateService, type UpdateService, type UpdateServiceOptions } from './update/update-service';

/** Settings that are only read (the CLI, most tests): the services see them; there is no settings screen. */
export interface BranchSettingsSource {
  branch(): BranchSettings;
}

/** The device settings a manager changes (SettingsStore over electron-store or conf). */
export interface DeviceSettings extends BranchSettingsSource {
  get(): AppSettings;
  update(raw: unknown): AppSettings;
  setSyncKey(key: string, box: SecretBox): void;
  syncKey(box: SecretBox): string | null;
}

export interface AppLog {
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** What sync needs from its host; the sync service is created only when these are given. */
export interface SyncPorts extends Pick<SyncServiceOptions, 'choosePath' | 'timers' | 'fetch'> {
  /** Where head office's address, the branch and the key come from; by default the device settings and the key store. */
  config?: () => SyncConfig | null;
}

export interface BranchAppOptions {
  db: Db;
  settings: BranchSettingsSource | DeviceSettings;
  platform?: PlatformPort;
  clock?: () => number;
  newId?: () => string;
  /** The operating system's key store for the sync key (Electron's safeStorage); without it the key cannot be stored. */
  secrets?: SecretBox;
  sync?: SyncPorts;
  /** Updates through head office (the installed app): checked after a successful sync. */
  update?: Omit<UpdateServiceOptions, 'db' | 'now' | 'url'> & { url?: () => string | null };
  fontDir?: string;
  /** Pushes bridge events to the window; absent where the UI polls (browser mode, tests). */
  emit?: AppContext['emit'];
  log?: AppLog;
}

export interface BranchApp {
  readonly ctx: AppContext;
  /** The update service when the app was built with one (the shell asks it whether to install on quit). */
  readonly update: UpdateService | null;
  /** One call of the handler map, answered as a Result; an unexpected error is logged with its incident id. */
  dispatch<C extends Channel>(session: Session, channel: C | string, input: unknown): Promise<Result<ChannelOutput<C>>>;
  /** What the IPC binding logs incidents with (the same as dispatch). */
  readonly logIncident: IncidentLogger;
  /** A running app's first steps: deadlines recomputed from the current settings, sync started. */
  start(): void;
  /** Stops sync's timers; the database belongs to the caller. */
  stop(): void;
}

const isDevice = (s: BranchSettingsSource | DeviceSettings): s is DeviceSettings => 'update' in s;

/** Head office's address, the branch and the decrypted key; null until all three are set. */
function deviceSyncConfig(settings: DeviceSettings, secrets: SecretBox | undefined, log: AppLog): SyncConfig | null {
  const s = settings.get();
  if (!s.headOfficeUrl || !s.syncKeyEncrypted || !secrets) return null;
  try {
    const key = settings.syncKey(secrets);
    return key ? { branch: s.branchCode, url: s.headOfficeUrl, key, allowUnencrypted: s.allowUnencrypted } : null;
  } catch (e) {
    log.warn('sync key unavailable', loggableError(e));
    return null;
  }
}

function settingsAccess(
  settings: DeviceSettings,
  secrets: SecretBox | undefined,
  afterChange: () => void,
): SettingsAccess {
  return {
    get: () => settings.get(),
    update: (raw) => {
      const next = settings.update(raw);
      // Business hours, the time zone and the reply days change the deadlines of open cases.
      afterChange();
      return next;
    },
    ...(secrets
      ? {
          setSyncKey: (key: string) => {
            settings.setSyncKey(key, secrets);
            return settings.get();
          },
        }
      : {}),
  };
}

export function createBranchApp(o: BranchAppOptions): BranchApp {
  const log = o.log ?? console;
  const ctx: AppContext = createContext(o.db, { now: o.clock, newId: o.newId, settings: () => o.settings.branch() });
  // A store just migrated holds receipt keys in the default format: re-keyed once if the branch's differs.
  ensureReceiptKeys(o.db, ctx.settings().receiptSerialStart);
  const settings = isDevice(o.settings) ? o.settings : null;
  if (settings)
    ctx.settingsAccess = settingsAccess(settings, o.secrets, () => {
      refreshDeadlines(ctx);
      rekeyReceipts(o.db, settings.get().receiptSerialStart);
    });
  if (o.platform) ctx.platform = o.platform;
  if (o.fontDir) ctx.fontDir = o.fontDir;
  if (o.emit) ctx.emit = o.emit;
  let update: UpdateService | null = null;
  if (o.update) {
    const { url, ...rest } = o.update;
    update = createUpdateService({
      log,
      ...rest,
      db: o.db,
      now: ctx.now,
      url: url ?? (() => settings?.get().headOfficeUrl || null),
    });
    ctx.update = update;
  }
  if (o.sync) {
    const { config, ...ports } = o.sync;
    const checkUpdate = update;
    ctx.sync = createSyncService(ctx, {
      ...ports,
      ...(checkUpdate ? { afterSuccess: () => void checkUpdate.afterSync() } : {}),
      config: config ?? (() => (settings ? deviceSyncConfig(settings, o.secrets, log) : null)),
      ...(settings ? { intervalMs: settings.get().syncIntervalMinutes * 60_000 } : {}),
    });
  }
  ensureDefaultCategories(ctx);

  let stopRetention = () => {};
  let stopSearchFlush = () => {};
  // The error's kind, code and frames only: its message may quote what the clerk typed (loggable-error.ts).
  const logIncident: IncidentLogger = (id, channel, e) => log.error(`incident ${id} on ${channel}`, loggableError(e));
  return {
    ctx,
    update,
    logIncident,
    dispatch: (session, channel, input) => dispatch(ctx, session, channel, input, logIncident),
    start() {
      refreshDeadlines(ctx);
      ctx.sync?.start();
      // Issue 20 §2: retention runs daily in the background of a running app (not in tests or the CLI).
      stopRetention = scheduleDailyRetention(ctx, log);
      // Issue 16 §4: the search documents of new cases, at start and then every minute.
      stopSearchFlush = scheduleSearchFlush(ctx.db, log);
    },
    stop: () => {
      ctx.sync?.stop();
      stopRetention();
      stopSearchFlush();
    },
  };
}
