// Device settings over conf / electron-store (electron-store extends conf, so tests use conf
// in a temp dir). The file is 0600; a corrupt or invalid file is kept aside under a new
// name and reported — never silently wiped. The sync key is stored only encrypted.
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { refuse } from '../shared/errors';
import { assertEncryptedOrAllowed } from '../shared/head-office-address';
import {
  type AppSettings,
  AppSettingsSchema,
  type BranchSettings,
  DEFAULT_APP_SETTINGS,
  SettingsPatchSchema,
} from '../shared/settings-schema';
import { parseInput } from '../shared/validation';

/** The part of conf's API this module uses. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface ConfOptions {
  configName: string;
  cwd: string;
  defaults: Record<string, unknown>;
  clearInvalidConfig: false;
  configFileMode: number;
}

export type ConfFactory = (opts: ConfOptions) => ConfLike;

/** Electron's safeStorage, as far as this module needs it. */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SettingsProblem {
  kind: 'corrupt' | 'invalid';
  keptAt: string;
  detail: string;
}

export class SettingsStore {
  private current: AppSettings;
  readonly problem: SettingsProblem | null;

  private constructor(
    private readonly conf: ConfLike,
    problem: SettingsProblem | null,
    private readonly now: () => number,
  ) {
    this.problem = problem;
    const parsed = AppSettingsSchema.safeParse({ ...DEFAULT_APP_SETTINGS, ...conf.store });
    if (parsed.success) {
      this.current = parsed.data;
    } else {
      // Valid JSON with values this version cannot use: keep the file, start from defaults.
      const keptAt = keepAside(conf.path, 'invalid', now(), true);
      this.problem = { kind: 'invalid', keptAt, detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') };
      this.current = { ...DEFAULT_APP_SETTINGS };
      conf.store = { ...this.current };
    }
  }

  /** `cwd` is the folder of settings.json (the user-data folder in the app). */
  static open(factory: ConfFactory, opts: { cwd: string; now?: () => number }): SettingsStore {
    const now = opts.now ?? Date.now;
    const confOpts: ConfOptions = {
      configName: 'settings',
      cwd: opts.cwd,
      defaults: { ...DEFAULT_APP_SETTINGS },
      clearInvalidConfig: false,
      configFileMode: 0o600,
    };
    try {
      return new SettingsStore(factory(confOpts), null, now);
    } catch (e) {
      // conf throws on a file that is not JSON; move it aside and start again.
      const path = join(opts.cwd, 'settings.json');
      if (!(e instanceof SyntaxError) || !existsSync(path)) throw e;
      const keptAt = keepAside(path, 'corrupt', now(), false);
      const store = new SettingsStore(
        factory(confOpts),
        { kind: 'corrupt', keptAt, detail: (e as Error).message },
        now,
      );
      return store;
    }
  }

  get(): AppSettings {
    return { ...this.current };
  }

  /** The settings the services read. */
  branch(): BranchSettings {
    const {
      headOfficeUrl: _h,
      allowUnencrypted: _u,
      syncIntervalMinutes: _s,
      language: _l,
      printerName: _p,
      lockAfterMinutes: _k,
      syncKeyEncrypted: _e,
      ...branch
    } = this.current;
    return branch;
  }

  /** Validates the patch and the merged result (an http:// remote head office needs allowUnencrypted); bad input changes nothing. */
  update(raw: unknown): AppSettings {
    const patch = parseInput(SettingsPatchSchema, raw);
    const next = parseInput(AppSettingsSchema, { ...this.current, ...patch });
    assertEncryptedOrAllowed(next);
    this.conf.store = { ...next };
    this.current = next;
    return this.get();
  }

  setSyncKey(key: string, box: SecretBox, platform: NodeJS.Platform = process.platform): void {
    assertSecureBox(box, platform);
    if (!/^[A-Za-z0-9+/=_-]{32,512}$/.test(key)) {
      throw refuse('VALIDATION', '同步密钥格式不正确', 'The sync key has an invalid format', [
        { field: 'syncKey', message: { zh: '同步密钥格式不正确', en: 'Invalid sync key' } },
      ]);
    }
    this.conf.store = { ...this.current, syncKeyEncrypted: box.encryptString(key).toString('base64') };
    this.current = { ...this.current, syncKeyEncrypted: String(this.conf.store.syncKeyEncrypted) };
  }

  syncKey(box: SecretBox, platform: NodeJS.Platform = process.platform): string | null {
    if (!this.current.syncKeyEncrypted) return null;
    assertSecureBox(box, platform);
    return box.decryptString(Buffer.from(this.current.syncKeyEncrypted, 'base64'));
  }
}

function assertSecureBox(box: SecretBox, platform: NodeJS.Platform): void {
  if (!box.isEncryptionAvailable()) {
    throw refuse(
      'SECRET_STORE_UNAVAILABLE',
      '系统密钥存储不可用,无法安全保存同步密钥',
      'The system keychain is not available; the sync key cannot be stored safely',
    );
  }
  const backend = box.getSelectedStorageBackend?.();
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
    throw refuse(
      'SECRET_STORE_UNAVAILABLE',
      '此电脑没有可用的系统密钥环(如 GNOME Keyring 或 KWallet),同步密钥只能明文保存,已拒绝;请安装并解锁密钥环后重试',
      'No system keyring (GNOME Keyring or KWallet) is available, so the sync key could only be stored in plain text; refused. Install and unlock a keyring, then retry',
    );
  }
}

function keepAside(path: string, kind: string, now: number, copy: boolean): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = path.replace(/\.json$/, '') + `.${kind}-${stamp}.json`;
  if (copy) copyFileSync(path, target);
  else renameSync(path, target);
  return target;
}
