// Printing: gathers what a form shows (names, settings) and renders it. Templates stay pure
// functions of their data; this is where the data comes from.
import { loadCase, loadFollowUps } from '../db/repositories/case-repo';
import { loadSlip } from '../db/repositories/slip-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { caseClosing } from '../domain/case-closing';
import { caseRecordTemplate, type CaseRecordPrintData } from '../pdf/templates/case-record';
import { type FormLanguage, formText } from '../pdf/form-language';
import { renderPdf, type RenderOptions } from '../pdf/render';
import { slipTemplate } from '../pdf/templates/slip';
import { refuse } from '../shared/errors';
import type { PrintInput } from '../shared/schemas/slip';
import { maySeeSlipOf } from './unit-scope';
import type { CaseRecord, SlipRecord } from '../shared/types';
import { printDeclineNotice } from './decline-notice';
import { printReplyLetter } from './reply-letter';
import { printTrainingCase } from './training';
import type { Parsed } from './with-input';
import type { ServiceContext } from './context';
import { printedAttachments } from './print-attachments';
import { printableCase } from './printable-case';
import { recordAccess } from './access-log';
import { mayRevealPersonal, maskCaseContact, maskSlipContact } from './personal-data';
import { caseSlips } from './slip-queues';
import { deadlineSettingsOf } from './working-calendar-cache';

export { type FormLanguage, formText } from '../pdf/form-language';

export interface PrintOptions extends RenderOptions {
  lang?: FormLanguage;
}

export function slipPrintData(ctx: ServiceContext, slip: SlipRecord, paper = ctx.settings().slipPaper) {
  const s = ctx.settings();
  return {
    slip,
    branchName: s.branchName,
    timeZone: s.timeZone,
    maskPhoneOnCustomerCopy: s.maskPhoneOnCustomerCopy,
    paper,
  };
}

export async function printSlip(
  ctx: ServiceContext,
  slipId: string,
  opts: PrintOptions & { maskPersonal?: boolean } = {},
): Promise<Buffer> {
  const stored = loadSlip(ctx.db, slipId);
  if (!stored) throw refuse('NOT_FOUND', '找不到该退换货单', 'Slip not found');
  const slip = opts.maskPersonal ? maskSlipContact(stored) : stored;
  const data = slipPrintData(ctx, slip, opts.paper ?? ctx.settings().slipPaper);
  return renderPdf(slipTemplate, data, formText(opts.lang ?? 'zh-CN'), {
    ...opts,
    paper: data.paper,
    title: `商品退换货单 ${slip.number}`,
  });
}

function namesFor(ctx: ServiceContext, userIds: (string | null)[], unitIds: (string | null)[]): Record<string, string> {
  const names: Record<string, string> = {};
  const users = [...new Set(userIds.filter((x): x is string => !!x))];
  const units = [...new Set(unitIds.filter((x): x is string => !!x))];
  for (const id of users)
    names[id] =
      (stmt(ctx.db, 'SELECT name FROM users WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
  for (const id of units)
    names[id] =
      (stmt(ctx.db, 'SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
  return names;
}

/** The record form's data; its evidence list as `actor` may see it (restricted kinds by kind only). */
export function caseRecordPrintData(ctx: ServiceContext, actor: Actor, c: CaseRecord): CaseRecordPrintData {
  const s = ctx.settings();
  const followUps = loadFollowUps(ctx.db, c.id);
  const category = stmt(ctx.db, 'SELECT name_zh FROM categories WHERE code = ?').get(c.categoryCode) as
    { name_zh: string } | undefined;
  const earlierCases = c.customerId
    ? (stmt(
        ctx.db,
        'SELECT number, status, finding FROM cases WHERE customer_id = ? AND rid < (SELECT rid FROM cases WHERE id = ?) ORDER BY rid DESC LIMIT 10',
      ).all(c.customerId, c.id) as CaseRecordPrintData['earlierCases'])
    : [];
  return {
    c,
    followUps,
    branchName: s.branchName,
    timeZone: s.timeZone,
    names: namesFor(
      ctx,
      [
        c.receivedBy,
        c.resolvedBy,
        c.reviewedBy,
        c.filedBy,
        c.declinedBy,
        ...c.escalations.map((e) => e.byUser),
        ...c.promises.map((p) => p.answeredBy),
        ...followUps.flatMap((f) => [f.doneBy, f.assigneeId]),
      ],
      [c.complainedUnitId, c.handlingUnitId],
    ),
    categoryName: category?.name_zh ?? c.categoryCode,
    earlierCases,
    printedAt: ctx.now(),
    // The structural link (slips.case_id), never the numbers typed into the result.
    slips: caseSlips(ctx, c.id),
    closing: caseClosing(c, deadlineSettingsOf(ctx, s)),
    attachments: printedAttachments(ctx, actor, c.id),
  };
}

/** The record form of a case. Anonymous content is printed only for roles that may read it. */
export async function printCaseRecord(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  opts: PrintOptions = {},
): Promise<Buffer> {
  const stored = printableCase(ctx, actor, caseId);
  // issue 20: printed in full only for the roles personalDataRoles names, and then logged ('print').
  const full = mayRevealPersonal(ctx, actor);
  const c = full ? stored : maskCaseContact(stored);
  const pdf = await renderPdf(caseRecordTemplate, caseRecordPrintData(ctx, actor, c), formText(opts.lang ?? 'zh-CN'), {
    ...opts,
    paper: 'A4',
    title: `顾客异议处理记录表 ${c.number}`,
  });
  if (full) logPrint(ctx, actor, 'case', c.id, c);
  return pdf;
}

/** A print of personal data in full, in the access log (after the PDF was made: no row for a failed print). */
function logPrint(
  ctx: ServiceContext,
  actor: Actor,
  entityType: 'case' | 'slip',
  entityId: string,
  v: { customerPhone: string | null; customerOtherContact?: string | null },
): void {
  const fields = [
    ...(v.customerPhone ? ['customerPhone'] : []),
    ...(v.customerOtherContact ? ['customerOtherContact'] : []),
  ];
  if (fields.length === 0) return;
  ctx.db.transaction(() =>
    recordAccess(ctx, { by: actor.id, action: 'print', entityType, entityId, fields, reason: null }, actor),
  )();
}

export interface PrintedForm {
  pdf: Buffer;
  fileName: string;
  /** The print job's title (the operating system's queue shows it). */
  title: string;
}

/** Any printable document by kind and id: a slip, a case's record form, or a training sheet. */
export async function renderPrintable(
  ctx: ServiceContext,
  actor: Actor,
  input: Parsed<typeof PrintInput>,
  fontDir?: string,
): Promise<PrintedForm> {
  const fonts = fontDir ? { fontDir } : {};
  if (input.kind === 'slip') {
    const slip = loadSlip(ctx.db, input.id);
    // Unit staff print only their own unit's slips, as they see only those (unit-scope.ts).
    if (slip && !maySeeSlipOf(ctx, actor, slip.unitId))
      throw refuse('FORBIDDEN', '只能查看本单位的退换货单', "You may only see your own unit's slips");
    const number = slip?.number ?? '';
    const full = mayRevealPersonal(ctx, actor);
    const pdf = await printSlip(ctx, input.id, {
      ...(input.paper ? { paper: input.paper } : {}),
      ...fonts,
      maskPersonal: !full,
    });
    if (full && slip) logPrint(ctx, actor, 'slip', slip.id, slip);
    return { pdf, fileName: `商品退换货单-${number}.pdf`, title: `商品退换货单 ${number}` };
  }
  if (input.kind === 'reply_letter') {
    const r = await printReplyLetter(ctx, actor, input.id, fonts);
    return { pdf: r.pdf, fileName: `书面答复函-${r.number}.pdf`, title: `书面答复函 ${r.number}` };
  }
  if (input.kind === 'decline_notice') {
    const r = await printDeclineNotice(ctx, actor, input.id, fonts);
    return { pdf: r.pdf, fileName: `不予受理告知书-${r.number}.pdf`, title: `不予受理告知书 ${r.number}` };
  }
  if (input.kind === 'training') {
    const r = await printTrainingCase(ctx, actor, { caseId: input.id }, fonts);
    return { pdf: r.pdf, fileName: r.fileName, title: r.fileName.replace(/\.pdf$/, '') };
  }
  const number = loadCase(ctx.db, input.id)?.number ?? '';
  const pdf = await printCaseRecord(ctx, actor, input.id, fonts);
  return { pdf, fileName: `顾客异议处理记录表-${number}.pdf`, title: `顾客异议处理记录表 ${number}` };
}
