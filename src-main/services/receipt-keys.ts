// Re-keys the stored receipt numbers (returned slip items and cases) when the chain's receipt format
// (receiptSerialStart) changes, so that the duplicate-refund guard, the intake notice and the suggestions keep
// finding what is already stored. store_meta 'receipt_key_serial' says which format the stored keys are in.
import type { Db } from '../db/connection';
import { readMeta, writeMeta } from './store-meta';

const META_KEY = 'receipt_key_serial';

/** Every stored key recomputed from the number as typed, in one transaction. Returns the rows changed. */
export function rekeyReceipts(db: Db, serialStart: number): number {
  return db.transaction(() => {
    const items = db
      .prepare(
        'UPDATE slip_returned_items SET receipt_key = receipt_key(receipt_no, ?) WHERE receipt_key <> receipt_key(receipt_no, ?)',
      )
      .run(serialStart, serialStart).changes;
    const cases = db
      .prepare(
        'UPDATE cases SET receipt_key = receipt_key(receipt_no, ?) WHERE receipt_no IS NOT NULL AND receipt_key IS NOT receipt_key(receipt_no, ?)',
      )
      .run(serialStart, serialStart).changes;
    writeMeta(db, META_KEY, String(serialStart));
    return items + cases;
  })();
}

/** At start: re-keys only when the stored keys are in another format than the setting (a store just migrated). */
export function ensureReceiptKeys(db: Db, serialStart: number): number {
  return readMeta(db, META_KEY) === String(serialStart) ? 0 : rekeyReceipts(db, serialStart);
}
