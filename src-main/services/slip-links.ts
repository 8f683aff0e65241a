// The slips of a case's resolution (issue 12): numbers typed into the resolution must name
// existing slips not linked to another case; a slip linked to the case by id (not void) stands in
// for a typed number or an amount, and the case lists its linked slips itself (CaseView.slips).
import { stmt } from '../db/statements';
import { refuse } from '../shared/errors';
import type { ServiceContext } from './context';

interface Found {
  number: string;
  case_id: string | null;
}

export function resolutionSlipNumbers(
  ctx: ServiceContext,
  caseId: string,
  typed: readonly string[],
): { numbers: string[]; linkedSlips: number } {
  const find = stmt(ctx.db, 'SELECT number, case_id FROM slips WHERE number = ?');
  for (const raw of typed) {
    const number = raw.trim().toUpperCase();
    const s = find.get(number) as Found | undefined;
    const why = !s
      ? { zh: `没有编号为 ${number} 的退换货单`, en: `No slip numbered ${number}` }
      : s.case_id && s.case_id !== caseId
        ? { zh: `退换货单 ${number} 属于另一个案`, en: `Slip ${number} belongs to another case` }
        : null;
    if (why)
      throw refuse('VALIDATION', `退换货单编号:${why.zh}`, `Slip numbers: ${why.en}`, [
        { field: 'slipNumbers', message: { zh: `退换货单编号:${why.zh}`, en: `Slip numbers: ${why.en}` } },
      ]);
  }
  const linked = stmt(ctx.db, "SELECT count(*) AS n FROM slips WHERE case_id = ? AND status <> 'void'").get(caseId) as {
    n: number;
  };
  return { numbers: [...new Set(typed.map((n) => n.trim().toUpperCase()))], linkedSlips: linked.n };
}
