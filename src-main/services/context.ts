// What every service function receives: the connection, the clock, the settings and an id
// source. No Electron here, so tests, the CLI and the browser mode build the same context.
import { v7 as uuidv7 } from 'uuid';
import { blobRootOf } from '../db/blob-store';
import type { Db } from '../db/connection';
import type { BranchSettings } from '../shared/settings-schema';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';

export interface ServiceContext {
  db: Db;
  now: () => number;
  settings: () => BranchSettings;
  newId: () => string;
  /** The attachments' blob folder beside the store (db/blob-store.ts); null for an in-memory store. */
  blobRoot: string | null;
}

export function createContext(db: Db, opts: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return {
    db,
    now: opts.now ?? Date.now,
    settings: opts.settings ?? (() => DEFAULT_BRANCH_SETTINGS),
    newId: opts.newId ?? (() => uuidv7()),
    blobRoot: opts.blobRoot !== undefined ? opts.blobRoot : blobRootOf(db.name),
  };
}

/** Who made a change: a signed-in user, or head office for instructions that arrive by sync. */
export interface Author {
  id: string | null;
  staffNo: string | null;
  name: string;
}

export const HEAD_OFFICE: Author = { id: null, staffNo: null, name: '部本部' };
