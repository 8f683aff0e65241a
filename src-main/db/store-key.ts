// The branch store's encryption key (issue 20 §4): 32 random bytes, from the environment
// (BRANCH_DESK_DB_KEY, hex), a key file readable by its owner only (--key-file or
// BRANCH_DESK_DB_KEY_FILE), or, on the desktop, sealed by the OS key store in a file beside the store.
// Invariant: a key never reaches a log, an error message or the audit log; only where it came from does.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { refuse } from '../shared/errors';

export const STORE_KEY_BYTES = 32;
export const STORE_KEY_ENV = 'BRANCH_DESK_DB_KEY';
export const STORE_KEY_FILE_ENV = 'BRANCH_DESK_DB_KEY_FILE';

/** A store key and where it came from (said in the start line, never the key itself). */
export interface StoreKey {
  bytes: Buffer;
  source: 'env' | 'key-file' | 'os-key-store';
}

/** The OS key store's part that seals the key (Electron's safeStorage; the sync key's SecretBox). */
export interface KeySealer {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** Linux without a keyring seals with a fixed password (basic_text): as good as no key store, so treated as none. */
export const keyStoreUsable = (sealer: KeySealer, platform: NodeJS.Platform = process.platform): boolean => {
  if (!sealer.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  // Electron offers the backend's name on Linux only.
  const backend = sealer.getSelectedStorageBackend?.();
  return backend !== 'basic_text' && backend !== 'unknown';
};

export const newStoreKey = (): Buffer => randomBytes(STORE_KEY_BYTES);

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

export function parseHexKey(hex: string, where: string): Buffer {
  const v = hex.trim();
  if (!HEX_KEY.test(v))
    throw refuse(
      'STORE_ENCRYPTED',
      `${where} 中的数据库密钥须为 64 位十六进制数字(32 字节)`,
      `The store key in ${where} must be 64 hex digits (32 bytes)`,
    );
  return Buffer.from(v, 'hex');
}

/** Reads a key file: refused unless only its owner can read it (mode 0600 or 0400) on POSIX. */
export function readKeyFile(file: string, platform: NodeJS.Platform = process.platform): Buffer {
  if (!existsSync(file))
    throw refuse('STORE_ENCRYPTED', `找不到密钥文件 ${file}`, `The key file ${file} does not exist`);
  if (platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw refuse(
        'STORE_ENCRYPTED',
        `密钥文件 ${basename(file)} 的权限为 ${mode.toString(8)},其他用户也能读取;请执行 chmod 600 ${file} 后重试`,
        `The key file ${basename(file)} has mode ${mode.toString(8)}: other users can read it. Run chmod 600 ${file} and retry`,
      );
  }
  return parseHexKey(readFileSync(file, 'utf8'), basename(file));
}

/** Writes a new key file with mode 0600; refuses to overwrite one (its store would be lost). */
export function writeKeyFile(file: string, key: Buffer): void {
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
}

/**
 * The CLI's and browser mode's key: `--key-file` first, then BRANCH_DESK_DB_KEY, then
 * BRANCH_DESK_DB_KEY_FILE; null when none is given (the store is then opened unencrypted,
 * and an encrypted one is refused with words saying where the key comes from).
 */
export function keyFromEnvironment(env: NodeJS.ProcessEnv, keyFile?: string | null): StoreKey | null {
  if (keyFile) return { bytes: readKeyFile(keyFile), source: 'key-file' };
  const hex = env[STORE_KEY_ENV];
  if (hex) return { bytes: parseHexKey(hex, STORE_KEY_ENV), source: 'env' };
  const file = env[STORE_KEY_FILE_ENV];
  if (file) return { bytes: readKeyFile(file), source: 'key-file' };
  return null;
}

/** Browser mode's key file in its data folder (it has no OS key store): made with mode 0600 when `create`. */
export function folderKey(folder: string, create: boolean): (StoreKey & { path: string }) | null {
  const path = join(folder, 'branch-desk.key');
  if (existsSync(path)) return { bytes: readKeyFile(path), source: 'key-file', path };
  if (!create) return null;
  const bytes = newStoreKey();
  writeKeyFile(path, bytes);
  return { bytes, source: 'key-file', path };
}

/** Where the desktop keeps the sealed key: beside the store, so a copied folder carries it (useless without the OS account). */
export const sealedKeyPath = (storeFile: string): string => `${storeFile}.key.sealed`;

/**
 * The desktop's key: unsealed from the file beside the store, or made on first start and sealed
 * there (mode 0600). Null when the OS key store is unavailable and no key was sealed yet: the store
 * then stays unencrypted (the shell logs it). A sealed key that cannot be unsealed is refused.
 */
export function sealedStoreKey(
  storeFile: string,
  sealer: KeySealer,
  platform: NodeJS.Platform = process.platform,
): StoreKey | null {
  const path = sealedKeyPath(storeFile);
  if (existsSync(path)) {
    if (!keyStoreUsable(sealer, platform)) throw keyStoreGone(path);
    let hex: string;
    try {
      hex = sealer.decryptString(readFileSync(path));
    } catch {
      throw keyStoreGone(path);
    }
    return { bytes: parseHexKey(hex, basename(path)), source: 'os-key-store' };
  }
  if (!keyStoreUsable(sealer, platform)) return null;
  const key = newStoreKey();
  writeFileSync(path, sealer.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
  return { bytes: key, source: 'os-key-store' };
}

const keyStoreGone = (path: string) =>
  refuse(
    'STORE_ENCRYPTED',
    `数据库已加密,但系统密钥存储无法解开密钥文件 ${basename(path)}(换了电脑或 Windows 账号?);请用原账号启动,或用备份和密钥恢复`,
    `The store is encrypted but the OS key store cannot unseal ${basename(path)} (another computer or user account?). Start under the original account, or restore from a backup with its key`,
  );

/** The words of a store opened without its key (an encrypted file cannot be told from junk): where the key comes from. */
export const missingKey = (file: string) =>
  refuse(
    'STORE_ENCRYPTED',
    `文件 ${basename(file)} 不是本系统的数据库,或是已加密的数据库,需要密钥才能打开:桌面版由系统密钥存储保管(${basename(sealedKeyPath(file))});命令行和浏览器模式请设置 ${STORE_KEY_ENV}(64 位十六进制)或用 --key-file / ${STORE_KEY_FILE_ENV} 指定权限为 600 的密钥文件`,
    `${basename(file)} is not a Branch Desk database, or it is an encrypted one and needs its key: the desktop app keeps it in the OS key store (${basename(sealedKeyPath(file))}); for the CLI and browser mode set ${STORE_KEY_ENV} (64 hex digits) or give a key file with mode 600 by --key-file / ${STORE_KEY_FILE_ENV}`,
  );

export const wrongKey = (file: string) =>
  refuse(
    'STORE_ENCRYPTED',
    `数据库 ${basename(file)} 无法用所给密钥打开:密钥不对,或文件已损坏;数据库未作任何改动`,
    `The database ${basename(file)} cannot be opened with the key given: the key is wrong or the file is damaged. The database was not changed`,
  );
