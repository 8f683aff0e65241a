// Re-keys the stored receipt numbers when the chain's receipt format (receiptSerialStart) changes,
// so that the duplicate-refund guard keeps covering the slips already stored.
import type { Db } from '../db/connection';

/** One statement: every returned item's key recomputed from the number as typed. Returns the rows changed. */
export function rekeyReceipts(db: Db, serialStart: number): number {
  return db
    .prepare(
      'UPDATE slip_returned_items SET receipt_key = receipt_key(receipt_no, ?) WHERE receipt_key <> receipt_key(receipt_no, ?)',
    )
    .run(serialStart, serialStart).changes;
}
