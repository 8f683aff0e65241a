// The branch's own maximum per amount field (settings.maxAmountFen), checked by main wherever an
// amount is typed (intake's purchase amount, a slip's prices and refund). The schemas only know
// the absolute ceiling; this is the setting the manager chose, refused in the amount field's words.
import { refuse } from '../shared/errors';
import { tooLargeMessage } from '../shared/money-input';
import type { ServiceContext } from './context';

/** Refuses the first amount above the branch maximum, naming its field; undefined amounts pass. */
export function requireWithinMaxAmount(
  ctx: ServiceContext,
  amounts: readonly { field: string; fen: number | undefined }[],
): void {
  const max = ctx.settings().maxAmountFen;
  const over = amounts.filter((a) => a.fen !== undefined && a.fen > max);
  if (over.length === 0) return;
  const message = tooLargeMessage(max);
  throw refuse(
    'VALIDATION',
    message.zh,
    message.en,
    over.map((a) => ({ field: a.field, message })),
  );
}
