// Head office's cross-branch matter notices (issue 22 §4) in the pull answer, by their own cursor kept in
// sync_state ('matter_cursor'). instructions-pull.ts asks with the cursor and applies each page's notices
// and the new cursor in the page's transaction, so a notice is stored once even if the app dies midway.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { applyMatterNotice } from '../services/matter-notices';
import type { PullAnswer } from './protocol';

const KEY = 'matter_cursor';

export const matterCursor = (db: Db): number => {
  const row: unknown = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(KEY);
  return row && typeof row === 'object' && 'value' in row ? Number(row.value) || 0 : 0;
};

/** Stores the page's matter notices and moves the cursor (inside the caller's transaction); answers how many were new. */
export function applyMatterPage(
  db: Db,
  page: Pick<PullAnswer, 'matterNotices' | 'matterCursor'>,
  since: number,
  now: number,
): number {
  let stored = 0;
  for (const n of page.matterNotices ?? []) if (applyMatterNotice(db, n, now)) stored++;
  if (page.matterCursor !== null && page.matterCursor !== undefined)
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(KEY, String(Math.max(since, page.matterCursor)));
  return stored;
}
