// searchCases on the 1M store. The query sets mix what is cheap for the bigram index (a
// phrase whose rarest bigram is rare) with what is not (phrases made only of very common
// bigrams that rarely stand together, and digit strings, whose bigrams occur in every case
// number), because the figure is the worst median of the set.
import type { Actor } from '../src-main/domain/case-machine';
import type { ServiceContext } from '../src-main/services/context';
import { searchCases } from '../src-main/services/search';
import { captureStatements, explain, indexMisses, oneLine } from './plans';
import type { Measured } from './queue-bench';
import { medianOf } from './timing';

/** 3+ characters: Chinese phrases, then digits (serials, numbers, phones, amounts). */
export const QUERIES_3PLUS = [
  '开胶了', // common phrase
  '要求退货退款', // in a large share of all cases
  '态度恶劣', // common
  '月饼礼盒', // medium
  '羽绒服钻绒', // rare phrase of medium bigrams
  '求退款', // never occurs, but both bigrams (求退, 退款) are common, and in the same cases
  '0042', // a serial: also the phone_last4 source
  '202403-0123', // the month and serial of one case number
  'SH01-YY-202511-0815', // a whole case number
  '13800138000', // a phone number: the phone source, and FTS over digit bigrams
  '459元', // an amount in the text
  '12315', // the consumer hotline: in texts, and a 5-digit "phone"
] as const;

/** 1–2 characters, common and rare. */
export const QUERIES_SHORT = [
  '鞋', // common
  '退', // very common
  '王', // common surname
  '顾客', // in nearly every case
  '退货', // very common bigram
  '漏水', // medium
  '犇', // rare name character
  '燚', // rare name character
  '龘', // absent
  '鳕鱼', // absent bigram
] as const;

export function benchSearch(
  ctx: ServiceContext,
  explainCtx: ServiceContext,
  actor: Actor,
  queries: readonly string[],
  runs: number,
): Measured[] {
  const log = captureStatements(explainCtx.db);
  return queries.map((query) => {
    let rows = 0;
    const m = medianOf(runs, () => {
      rows = searchCases(ctx, actor, { query, limit: 50 }).rows.length;
    });
    log.length = 0;
    searchCases(explainCtx, actor, { query, limit: 50 });
    // The IN (...) lookup is prepared per page with its own placeholder count: plan one of each.
    const seen = new Set<string>();
    const plans = log
      .filter((c) => !seen.has(c.sql) && seen.add(c.sql))
      .map((c) => {
        const plan = explain(explainCtx.db, c);
        const sql = oneLine(c.sql).replace(/\(\?(,\?)+\)/, '(?, …)');
        return { sql, plan, misses: indexMisses(plan, c.sql), args: c.args };
      })
      .map(({ sql, plan, misses, args }) => ({
        sql: `${sql}   -- ${JSON.stringify(args.length > 4 ? [...args.slice(0, 3), '…'] : args)}`,
        plan,
        misses,
      }));
    return { label: query, medianMs: m.median, firstMs: m.first, rows, plans };
  });
}
