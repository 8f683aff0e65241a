// What every service function receives: the connection, the clock, the settings and an id
// source. No Electron here, so tests, the CLI and the browser mode build the same context.
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/connection';
import type { BranchSettings } from '../shared/settings-schema';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';

export interface ServiceContext {
  db: Db;
  now: () => number;
  settings: () => BranchSettings;
  newId: () => string;
}

export function createContext(db: Db, opts: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return {
    db,
    now: opts.now ?? Date.now,
    settings: opts.settings ?? (() => DEFAULT_BRANCH_SETTINGS),
    newId: opts.newId ?? (() => uuidv7()),
  };
}

/** Who made a change: a signed-in user, or head office for instructions that arrive by sync. */
export interface Author {
  id: string | null;
  staffNo: string | null;
  name: string;
}

export const HEAD_OFFICE: Author = { id: null, staffNo: null, name: '部本部' };
