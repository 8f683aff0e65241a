// A slip as a list row (queues, search, a case's slips): the columns read and their mapping.
import { maskPhone } from '../shared/phone';
import type { SlipRow } from '../shared/types';

export const SLIP_ROW_COLUMNS = `s.rid, s.id, s.number, s.type, s.status, s.settlement_status, s.customer_name, s.customer_phone,
  s.receipt_no, u.name AS unit_name, s.returned_total_fen, s.refund_fen, s.handled_at, s.case_id, c.number AS case_number`;

export const SLIP_ROW_FROM = 'slips s JOIN units u ON u.id = s.unit_id LEFT JOIN cases c ON c.id = s.case_id';

export interface RawSlipRow {
  rid: number;
  id: string;
  number: string;
  type: SlipRow['type'];
  status: SlipRow['status'];
  settlement_status: SlipRow['settlementStatus'];
  customer_name: string | null;
  customer_phone: string | null;
  receipt_no: string;
  unit_name: string;
  returned_total_fen: number;
  refund_fen: number;
  handled_at: number;
  case_id: string | null;
  case_number: string | null;
}

export function toSlipRow(r: RawSlipRow): SlipRow {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    status: r.status,
    settlementStatus: r.settlement_status,
    customerName: r.customer_name,
    customerPhoneMasked: r.customer_phone ? maskPhone(r.customer_phone) : null,
    receiptNo: r.receipt_no,
    unitName: r.unit_name,
    returnedTotalFen: r.returned_total_fen,
    refundFen: r.refund_fen,
    handledAt: r.handled_at,
    caseId: r.case_id,
    caseNumber: r.case_number,
  };
}
