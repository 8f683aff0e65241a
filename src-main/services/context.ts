// What every service function receives: the connection, the clock, the settings and an id
// source. No Electron here, so tests, the CLI and the browser mode build the same context.
import { blobRootOf } from '../db/blob-store';
import { newUuidV7 } from './new-id';
import type { Db } from '../db/connection';
import type { ScryptCost } from './pin-hash';
import type { BranchSettings } from '../shared/settings-schema';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';

export interface ServiceContext {
  db: Db;
  now: () => number;
  settings: () => BranchSettings;
  newId: () => string;
  /** The attachments' blob folder beside the store (db/blob-store.ts); null for an in-memory store. */
  blobRoot: string | null;
  /**
   * The scrypt cost of PIN hashes made here (pin-hash.ts). Absent in the app, the CLI and browser
   * mode, which use PIN_SCRYPT; only tests set a lower one (test/helpers/store.ts), so that a store
   * with six users does not spend seconds hashing. Verifying always uses the cost stored in the hash.
   */
  pinCost?: ScryptCost;
}

export function createContext(db: Db, opts: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return {
    db,
    now: opts.now ?? Date.now,
    settings: opts.settings ?? (() => DEFAULT_BRANCH_SETTINGS),
    newId: opts.newId ?? (() => newUuidV7()),
    blobRoot: opts.blobRoot !== undefined ? opts.blobRoot : blobRootOf(db.name),
    ...(opts.pinCost ? { pinCost: opts.pinCost } : {}),
  };
}

/** Who made a change: a signed-in user, or head office for instructions that arrive by sync. */
export interface Author {
  id: string | null;
  staffNo: string | null;
  name: string;
}

export const HEAD_OFFICE: Author = { id: null, staffNo: null, name: '部本部' };
