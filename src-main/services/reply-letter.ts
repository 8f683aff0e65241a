// The 书面答复函 of a government body's case: its data (names, the letter's date) and its PDF.
import { stmt } from '../db/statements';
import { localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { renderPdf, type RenderOptions } from '../pdf/render';
import { replyLetterTemplate, type ReplyLetterPrintData } from '../pdf/templates/reply-letter';
import { formText } from '../pdf/form-language';
import { refuse } from '../shared/errors';
import type { CaseRecord } from '../shared/types';
import type { ServiceContext } from './context';
import { printableCase } from './printable-case';

export function replyLetterPrintData(ctx: ServiceContext, c: CaseRecord): ReplyLetterPrintData {
  const s = ctx.settings();
  const unitId = c.handlingUnitId ?? c.complainedUnitId;
  const unit = unitId
    ? (stmt(ctx.db, 'SELECT name FROM units WHERE id = ?').get(unitId) as { name: string } | undefined)
    : undefined;
  return {
    c,
    branchName: s.branchName,
    timeZone: s.timeZone,
    handlingUnitName: unit?.name ?? '',
    date: c.writtenReplyDate ?? localDateOf(ctx.now(), s.timeZone),
  };
}

/** The reply letter of a government case; refused for another channel, or content the role may not read. */
export async function printReplyLetter(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  opts: RenderOptions & { lang?: 'zh-CN' | 'en' } = {},
): Promise<{ pdf: Buffer; number: string }> {
  const c = printableCase(ctx, actor, caseId, (c) => {
    if (c.channel !== 'government') {
      throw refuse(
        'VALIDATION',
        '书面答复函只适用于政府职能部门转来的个案',
        'A written reply letter applies only to a case forwarded by a government body',
        [
          {
            field: 'kind',
            message: { zh: '此个案不是政府职能部门转来的', en: 'This case was not forwarded by a government body' },
          },
        ],
      );
    }
  });
  const pdf = await renderPdf(replyLetterTemplate, replyLetterPrintData(ctx, c), formText(opts.lang ?? 'zh-CN'), {
    ...opts,
    paper: 'A4',
    title: `书面答复函 ${c.number}`,
  });
  return { pdf, number: c.number };
}
