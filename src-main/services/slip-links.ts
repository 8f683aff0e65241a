// The slips of a case's resolution (issue 12): numbers typed into the resolution must name
// existing slips that are not void and not linked to another case; the slips linked to the case
// by id count without being typed, so the stored list is the checked numbers plus the links.
import { stmt } from '../db/statements';
import { refuse } from '../shared/errors';
import type { ServiceContext } from './context';

interface Found {
  number: string;
  status: string;
  case_id: string | null;
}

export function resolutionSlipNumbers(ctx: ServiceContext, caseId: string, typed: readonly string[]): string[] {
  const find = stmt(ctx.db, 'SELECT number, status, case_id FROM slips WHERE number = ?');
  for (const raw of typed) {
    const number = raw.trim().toUpperCase();
    const s = find.get(number) as Found | undefined;
    const why = !s
      ? { zh: `没有编号为 ${number} 的退换货单`, en: `No slip numbered ${number}` }
      : s.status === 'void'
        ? { zh: `退换货单 ${number} 已作废`, en: `Slip ${number} is void` }
        : s.case_id && s.case_id !== caseId
          ? { zh: `退换货单 ${number} 属于另一个案`, en: `Slip ${number} belongs to another case` }
          : null;
    if (why)
      throw refuse('VALIDATION', `退换货单编号:${why.zh}`, `Slip numbers: ${why.en}`, [
        { field: 'slipNumbers', message: { zh: `退换货单编号:${why.zh}`, en: `Slip numbers: ${why.en}` } },
      ]);
  }
  const linked = (
    stmt(ctx.db, "SELECT number FROM slips WHERE case_id = ? AND status <> 'void' ORDER BY rid").all(caseId) as {
      number: string;
    }[]
  ).map((r) => r.number);
  return [...new Set([...typed.map((n) => n.trim().toUpperCase()), ...linked])];
}
