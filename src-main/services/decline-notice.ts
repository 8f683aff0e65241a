// The 不予受理告知书 of a case not accepted: its data (who decided, the date of the decision) and its PDF.
import { stmt } from '../db/statements';
import { localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { formText } from '../pdf/form-language';
import { renderPdf, type RenderOptions } from '../pdf/render';
import { declineNoticeTemplate, type DeclineNoticePrintData } from '../pdf/templates/decline-notice';
import { refuse } from '../shared/errors';
import type { CaseRecord } from '../shared/types';
import type { ServiceContext } from './context';
import { printableCase } from './printable-case';

export function declineNoticePrintData(ctx: ServiceContext, c: CaseRecord): DeclineNoticePrintData {
  const s = ctx.settings();
  const by = c.declinedBy
    ? (stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').get(c.declinedBy) as { name: string } | undefined)
    : undefined;
  return {
    c,
    branchName: s.branchName,
    timeZone: s.timeZone,
    declinedByName: by?.name ?? '',
    date: localDateOf(c.declinedAt ?? ctx.now(), s.timeZone),
  };
}

/** The notice of a case not accepted; refused for a case that was accepted, or content the role may not read. */
export async function printDeclineNotice(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  opts: RenderOptions & { lang?: 'zh-CN' | 'en' } = {},
): Promise<{ pdf: Buffer; number: string }> {
  const c = printableCase(ctx, actor, caseId, (c) => {
    if (c.status !== 'not_accepted') {
      throw refuse(
        'VALIDATION',
        '不予受理告知书只适用于已决定不予受理的个案',
        'A notice of non-acceptance applies only to a case that was not accepted',
        [{ field: 'kind', message: { zh: '此个案已受理', en: 'This case was accepted' } }],
      );
    }
  });
  const pdf = await renderPdf(declineNoticeTemplate, declineNoticePrintData(ctx, c), formText(opts.lang ?? 'zh-CN'), {
    ...opts,
    paper: 'A4',
    title: `不予受理告知书 ${c.number}`,
  });
  return { pdf, number: c.number };
}
