// An encrypted copy of the cached benchmark dataset (issue 20 §4), converted the way a branch's
// plain store is on its first start with a key (encryptPlainStore), cached beside it with its key
// (a 0600 key file: bench data only). Answers how long the conversion took when it ran now.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encryptPlainStore } from '../src-main/db/store-encryption';
import { newStoreKey, readKeyFile, writeKeyFile } from '../src-main/db/store-key';
import { nowMs } from './timing';

export function encryptedDataset(
  plain: string,
  log: (s: string) => void,
): { file: string; key: Buffer; encryptMs: number | null } {
  const file = plain.replace(/\.sqlite$/, '.encrypted.sqlite');
  const keyFile = `${file}.key`;
  if (existsSync(file) && existsSync(keyFile)) return { file, key: readKeyFile(keyFile), encryptMs: null };
  for (const f of [file, `${file}-wal`, `${file}-shm`, keyFile]) rmSync(f, { force: true });
  log(`encrypting a copy of ${plain}`);
  const work = `${file}.building`;
  copyFileSync(plain, work);
  const key = newStoreKey();
  const t0 = nowMs();
  const backupDir = join(dirname(plain), 'encrypt-backups');
  const { backupPath } = encryptPlainStore(work, key, { backupDir, now: Date.now() });
  const encryptMs = nowMs() - t0;
  rmSync(backupPath, { force: true });
  renameSync(work, file);
  writeKeyFile(keyFile, key);
  return { file, key, encryptMs };
}
