// The branch's copy of head office's cross-branch flags (issue 18 §3, §4): stored whole in one
// transaction per sync, read by the intake notice (a typed phone hashed with the branch's key)
// and by the slip screen and the home screen (double refunds).
import { createHmac } from 'node:crypto';
import { type CrossBranchFlags, PHONE_HASH } from '../../shared/cross-branch-protocol';
import type { DoubleRefund } from '../../shared/cross-branch-types';
import { normalizePhone } from '../../shared/phone';
import type { Db } from '../connection';
import { stmt } from '../statements';

/** The branch side of PHONE_HASH (shared/cross-branch-protocol.ts): head office computes it alike. */
export const phoneHash = (phoneKeyHex: string, normalizedPhone: string): string =>
  createHmac(PHONE_HASH.algorithm, Buffer.from(phoneKeyHex, 'hex'))
    .update(normalizedPhone)
    .digest('hex')
    .slice(0, PHONE_HASH.hexChars);

const KEY = 'cross_branch_phone_key';
const AS_OF = 'cross_branch_as_of';

const state = (db: Db, key: string): string | undefined =>
  (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const putState = (db: Db, key: string, value: string): void =>
  void stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);

/** Replaces what was held with head office's answer (the caller's transaction or its own). */
export function storeCrossBranchFlags(db: Db, f: CrossBranchFlags): void {
  db.transaction(() => {
    db.prepare('DELETE FROM cross_branch_complainants').run();
    db.prepare('DELETE FROM cross_branch_refunds').run();
    const c = db.prepare('INSERT OR REPLACE INTO cross_branch_complainants (hash, unfounded) VALUES (?, ?)');
    for (const x of f.complainants) if (x.unfounded > 0) c.run(x.h, x.unfounded);
    const r = db.prepare(
      'INSERT OR IGNORE INTO cross_branch_refunds (receipt_key, item_code, branch, slip_number, handled_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const p of f.doubleRefunds)
      for (const s of p.slips) r.run(p.receiptKey, p.itemCode, s.branch, s.number, s.handledAt);
    putState(db, KEY, f.phoneKey);
    putState(db, AS_OF, String(f.asOf));
  })();
}

/** When head office computed what is held; null before the first answer. */
export const crossBranchAsOf = (db: Db): number | null => {
  const v = state(db, AS_OF);
  return v === undefined ? null : Number(v);
};

/** Unfounded findings at other branches of the customer with this phone as of the last sync; null before any. */
export function otherBranchesUnfounded(db: Db, typedPhone: string): { unfounded: number; asOf: number } | null {
  const key = state(db, KEY);
  const asOf = crossBranchAsOf(db);
  const phone = normalizePhone(typedPhone);
  if (!key || asOf === null || !phone) return null;
  const row = stmt(db, 'SELECT unfounded FROM cross_branch_complainants WHERE hash = ?').get(phoneHash(key, phone)) as
    { unfounded: number } | undefined;
  return { unfounded: row?.unfounded ?? 0, asOf };
}

const groupRows = (rows: (Omit<DoubleRefund, 'slips'> & { branch: string; number: string; handledAt: number })[]) => {
  const out = new Map<string, DoubleRefund>();
  for (const r of rows) {
    const k = `${r.receiptKey}\u0000${r.itemCode}`;
    const g = out.get(k) ?? { receiptKey: r.receiptKey, itemCode: r.itemCode, slips: [] };
    g.slips.push({ branch: r.branch, number: r.number, handledAt: r.handledAt });
    out.set(k, g);
  }
  return [...out.values()];
};

const SELECT = `SELECT receipt_key AS receiptKey, item_code AS itemCode, branch, slip_number AS number, handled_at AS handledAt
  FROM cross_branch_refunds`;

/** Every double refund held (this branch's slips are in each), by receipt and item. */
export const doubleRefundsHeld = (db: Db): DoubleRefund[] =>
  groupRows(
    db.prepare(`${SELECT} ORDER BY receipt_key, item_code, handled_at`).all() as Parameters<typeof groupRows>[0],
  );

/** The double refunds a slip (by its number) is part of. */
export const doubleRefundsOfSlip = (db: Db, slipNumber: string): DoubleRefund[] =>
  groupRows(
    db
      .prepare(
        `${SELECT} WHERE (receipt_key, item_code) IN (SELECT receipt_key, item_code FROM cross_branch_refunds WHERE slip_number = ?)
         ORDER BY receipt_key, item_code, handled_at`,
      )
      .all(slipNumber) as Parameters<typeof groupRows>[0],
  );
