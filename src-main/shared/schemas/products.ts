// Inputs of the product flags, the 主动访谈 calls and head office's notices (issue 18 §2), checked
// where they arrive in main and by the screens before sending.
import { z } from 'zod';
import { LocalDate } from './common';

const itemKey = z.string().trim().min(1).max(300);

/** A flagged item, by its key (domain/item-key.ts). */
export const FlaggedItemInput = z.strictObject({ itemKey });

/** One action: a 主动访谈 follow-up on each complainant's case of the item, due on `dueDate`. */
export const ItemCallsInput = z.strictObject({ itemKey, dueDate: LocalDate });

/** A head-office notice to acknowledge. */
export const NoticeAckInput = z.strictObject({ noticeId: z.string().trim().min(1).max(100) });
