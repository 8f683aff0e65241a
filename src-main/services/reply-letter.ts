// The 书面答复函 of a government body's case: its data (names, the letter's date) and its PDF.
import { loadCase } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import { localDateOf } from '../domain/business-time';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { renderPdf, type RenderOptions } from '../pdf/render';
import { replyLetterTemplate, type ReplyLetterPrintData } from '../pdf/templates/reply-letter';
import { FORM_TEXT_EN } from '../pdf/form-text-en';
import { FORM_TEXT_ZH } from '../pdf/form-text-zh';
import { refuse } from '../shared/errors';
import type { CaseRecord } from '../shared/types';
import { mayReadContent } from './case-read';
import type { ServiceContext } from './context';

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
  if (!can(actor.role, 'print')) throw refuse('FORBIDDEN', '您的角色无权打印', 'Your role may not print');
  const c = loadCase(ctx.db, caseId);
  if (!c) throw refuse('NOT_FOUND', '找不到该个案', 'Case not found');
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
  if (!mayReadContent(actor, c))
    throw refuse(
      'FORBIDDEN',
      '匿名投诉的内容只有秘书室、值班主管和店长可以打印',
      'Only the secretary office, supervisors and managers may print an anonymous complaint',
    );
  const pdf = await renderPdf(
    replyLetterTemplate,
    replyLetterPrintData(ctx, c),
    opts.lang === 'en' ? FORM_TEXT_EN : FORM_TEXT_ZH,
    { ...opts, paper: 'A4', title: `书面答复函 ${c.number}` },
  );
  return { pdf, number: c.number };
}
