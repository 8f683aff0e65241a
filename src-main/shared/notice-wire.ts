// The wire of head office's notices (通知, issue 18 §2): a notice comes down the pull answer by
// its own cursor (`?notices=N`), and a branch's acknowledgement goes up as a 'notice_ack' record
// in the ordinary outbox. Pure (zod only), in shared so head office and the services read it;
// sync/protocol.ts adds the fields to the pull answer.
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** A notice as head office serves it to one branch; `seq` is that branch's cursor position. */
export const Notice = z.object({
  seq: count,
  noticeId: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
  /** The product flag it was sent from (domain/item-key.ts), when it was. */
  itemKey: z.string().max(300).nullish(),
  reviewerName: z.string(),
  /** ISO instant. */
  sentAt: z.string(),
});
export type Notice = z.infer<typeof Notice>;

/** The 'notice_ack' record's snapshot: who acknowledged the notice at the branch; its id is the notice's. */
export const NoticeAckSnapshot = z.object({
  id: z.string().min(1).max(100),
  ackedAt: z.number().int(),
  ackedByName: z.string().min(1).max(100),
  ackedByStaffNo: z.string().min(1).max(40),
  ackedByRole: z.string().min(1).max(40),
});
export type NoticeAckSnapshot = z.infer<typeof NoticeAckSnapshot>;
