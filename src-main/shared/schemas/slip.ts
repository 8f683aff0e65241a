// Inputs of the return/exchange slip (SPEC §5). Amounts are integer fen; every total is
// computed by the main process from the lines, never taken from the form.
import { z } from 'zod';
import { PAYMENT_METHODS, REFUND_METHODS, SLIP_REASONS, SLIP_TYPES } from '../enums';
import { AmountFen } from '../money-input';
import { Id, LocalDate, OptionalPhone, optionalText, shortText } from './common';

export const SlipLineInput = z.strictObject({
  itemCode: shortText(50),
  name: shortText(100),
  spec: optionalText(100),
  quantity: z.number().int().min(1).max(999),
  unitPriceFen: AmountFen,
});
export type SlipLineInput = z.input<typeof SlipLineInput>;

/** A yes/no the clerk must answer explicitly: no default, because finance settles on it. */
const YesNo = z.boolean();

export const SlipCreateInput = z
  .strictObject({
    type: z.enum(SLIP_TYPES),
    customer: z.strictObject({ name: optionalText(50), phone: OptionalPhone }).prefault({}),
    receiptNo: shortText(50),
    purchaseDate: LocalDate.optional(),
    unitId: Id,
    salespersonName: optionalText(50),
    salespersonStaffNo: optionalText(20),
    returnedLines: z.array(SlipLineInput).min(1).max(30),
    issuedLines: z.array(SlipLineInput).max(30).default([]),
    refundFen: AmountFen.optional(),
    refundMethod: z.enum(REFUND_METHODS).optional(),
    /** 收款方式: required when the customer pays an exchange's difference, refused otherwise (services/slips.ts). */
    paymentMethod: z.enum(PAYMENT_METHODS).optional(),
    reasonCode: z.enum(SLIP_REASONS),
    reasonText: optionalText(500),
    packagingIntact: YesNo,
    accessoriesComplete: YesNo,
    qualityProblem: YesNo,
    deductCommission: YesNo,
    caseId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'exchange' && v.issuedLines.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuedLines'],
        params: { zh: '换货须填写换出的商品', en: 'are required for an exchange' },
      });
    }
    if (v.type === 'return' && v.issuedLines.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuedLines'],
        params: { zh: '退货不填写换出的商品', en: 'apply only to an exchange' },
      });
    }
    if (v.type === 'return' && v.refundFen === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['refundFen'],
        params: { zh: '退货须填写退款金额', en: 'is required for a return' },
      });
    }
  });
export type SlipCreateInput = z.input<typeof SlipCreateInput>;

export const SlipRef = z.strictObject({ slipId: Id });
export const SlipVoidInput = z.strictObject({ slipId: Id, reason: shortText(500) });
export const SlipSettleInput = z.strictObject({ slipId: Id, settledOn: LocalDate });
export const SlipNumberInput = z.strictObject({ number: shortText(40) });

/** The slip screen's queues: awaiting the supervisor's / the manager's approval, unsettled, voided, all by date. */
export const SLIP_QUEUES = ['approval_supervisor', 'approval_manager', 'unsettled', 'void', 'all'] as const;
export type SlipQueue = (typeof SLIP_QUEUES)[number];

export const SlipListInput = z.strictObject({
  queue: z.enum(SLIP_QUEUES),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Slip number, receipt number, customer name or phone (whole or last four digits). */
export const SlipSearchInput = z.strictObject({ query: z.string().trim().min(1).max(50) });

/** What to print: a slip or the record form of a case, by id. */
/** A printed form: a slip, a case's record form, a typical case's training sheet, or a government case's 书面答复函 (id = the case). */
/** …or a case's 不予受理告知书 (decline_notice, id = the case). */
export const PRINT_KINDS = ['slip', 'case_record', 'training', 'reply_letter', 'decline_notice'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
export const PrintInput = z.strictObject({
  kind: z.enum(PRINT_KINDS),
  id: Id,
  paper: z.enum(['A4', 'A5']).optional(),
});
