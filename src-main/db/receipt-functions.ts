// The receipt key as an SQL function, so that migration 0021 can key the slips already stored.
import type Database from 'better-sqlite3';
import { receiptKey } from '../domain/receipt-number';

export function registerReceiptFunctions(db: Database.Database): void {
  db.function('receipt_key', { deterministic: true }, (typed: unknown, serialStart: unknown) =>
    receiptKey(String(typed ?? ''), Number(serialStart)),
  );
}
