// Reading slips with the names a form prints (unit, handler, approver, voider, settler, linked case).
import type { Db } from '../connection';
import { fromRow, stmt } from '../statements';
import type { SlipRecord } from '../../shared/types';

const SELECT = `SELECT s.*, u.name AS unit_name, h.name AS handled_by_name, a.name AS approved_by_name,
  v.name AS voided_by_name, f.name AS settled_by_name, c.number AS case_number
  FROM slips s JOIN units u ON u.id = s.unit_id JOIN users h ON h.id = s.handled_by
  LEFT JOIN users a ON a.id = s.approved_by LEFT JOIN users v ON v.id = s.voided_by
  LEFT JOIN users f ON f.id = s.settled_by LEFT JOIN cases c ON c.id = s.case_id`;

/** Earlier slips that are not void and returned the same item on the same receipt. */
/** Earlier unvoided slips returning any of these items from the receipt with this key (domain/receipt-number.ts). */
export function findDuplicates(
  db: Db,
  receiptKey: string,
  itemCodes: string[],
  exceptSlipId: string | null,
): SlipRecord['duplicates'] {
  if (itemCodes.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT s.number, group_concat(i.item_code, ',') AS codes FROM slip_returned_items i JOIN slips s ON s.id = i.slip_id
       WHERE i.receipt_key = ? AND i.item_code IN (${itemCodes.map(() => '?').join(',')}) AND s.status <> 'void' AND s.id <> ?
       GROUP BY s.id ORDER BY s.rid`,
    )
    .all(receiptKey, ...itemCodes, exceptSlipId ?? '') as { number: string; codes: string }[];
  return rows.map((r) => ({ number: r.number, itemCodes: r.codes.split(',') }));
}

/** The key the slip's returned items were stored under ('' for a slip that returned nothing). */
const storedReceiptKey = (db: Db, slipId: string): string =>
  (
    stmt(db, 'SELECT receipt_key FROM slip_returned_items WHERE slip_id = ? LIMIT 1').get(slipId) as
      { receipt_key: string } | undefined
  )?.receipt_key ?? '';

export function loadSlip(db: Db, id: string): SlipRecord | undefined {
  const row = stmt(db, `${SELECT} WHERE s.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const r = fromRow<Record<string, unknown>>(row);
  delete r.rid;
  const returnedLines = JSON.parse(String(r.returnedLines)) as SlipRecord['returnedLines'];
  const key = storedReceiptKey(db, id);
  return {
    ...(r as unknown as SlipRecord),
    returnedLines,
    issuedLines: JSON.parse(String(r.issuedLines)),
    approvalReasons: JSON.parse(String(r.approvalReasons)),
    packagingIntact: r.packagingIntact === 1,
    accessoriesComplete: r.accessoriesComplete === 1,
    qualityProblem: r.qualityProblem === 1,
    deductCommission: r.deductCommission === 1,
    receiptKey: key,
    duplicates: findDuplicates(
      db,
      key,
      returnedLines.map((l) => l.itemCode),
      id,
    ),
  };
}

export const findSlipIdByNumber = (db: Db, number: string): string | undefined =>
  (stmt(db, 'SELECT id FROM slips WHERE number = ?').get(number) as { id: string } | undefined)?.id;
