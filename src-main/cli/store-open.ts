// How every CLI command opens a branch store: with the store key from `--key-file`,
// BRANCH_DESK_DB_KEY or BRANCH_DESK_DB_KEY_FILE when one is given (store-key.ts), so an
// encrypted store opens, a new one is created encrypted and a plain one is converted first.
import { openDatabase, type OpenOptions, type OpenResult } from '../db/connection';
import { keyFromEnvironment } from '../db/store-key';

let keyFile: string | null = null;

/** Set once from the global `--key-file` option before a command runs. */
export function useKeyFile(file: string | null | undefined): void {
  keyFile = file ?? null;
}

export const cliStoreKey = (): Buffer | null => keyFromEnvironment(process.env, keyFile)?.bytes ?? null;

export const openStore = (file: string, opts: Omit<OpenOptions, 'key'> = {}): OpenResult =>
  openDatabase(file, { ...opts, key: cliStoreKey() });
