// Head office's notices (通知) in the pull answer (shared/notice-wire.ts), by their own cursor kept in
// sync_state. instructions-pull.ts asks with the cursor and applies each page's notices and the
// new cursor in the page's transaction, so a notice is stored once even if the app dies midway.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { applyNotice } from '../services/head-office-notices';
import type { ServiceContext } from '../services/context';
import type { PullAnswer } from './protocol';

const KEY = 'notice_cursor';

export const noticeCursor = (db: Db): number =>
  Number(
    (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(KEY) as { value: string } | undefined)?.value ?? 0,
  );

const setNoticeCursor = (db: Db, cursor: number): void =>
  void stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, String(cursor));

/** Stores the page's notices and moves the cursor (inside the caller's transaction); answers how many were new. */
export function applyNoticePage(
  ctx: ServiceContext,
  page: Pick<PullAnswer, 'notices' | 'noticeCursor'>,
  since: number,
): number {
  let stored = 0;
  for (const n of page.notices ?? []) if (applyNotice(ctx, n)) stored++;
  if (page.noticeCursor !== null && page.noticeCursor !== undefined)
    setNoticeCursor(ctx.db, Math.max(since, page.noticeCursor));
  return stored;
}
