// The training library (典型范例, SPEC §3): typical cases for new staff. The DTO is built
// field by field from what may be shown; the customer's name, phone, other contact and
// contact time, the receipt number, the customer record, slips, and the government body's
// reference, contact person and phone never enter it. Only cases whose training text the
// secretary approved are listed, and their free text is that approved text (training-approval.ts).
import { loadCase } from '../db/repositories/case-repo';
import { stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { renderPdf, type RenderOptions } from '../pdf/render';
import { reportText } from '../pdf/report-text';
import { trainingCaseTemplate } from '../pdf/templates/training-case';
import { refuse } from '../shared/errors';
import { TrainingCaseInput, TrainingListInput } from '../shared/schemas/report';
import type { TrainingText } from '../shared/training-sheet-types';
import type { TrainingCase, TrainingCaseRow } from '../shared/training-types';
import { mayReadContent } from './case-read';
import { approvedText, sheetOf } from './training-approval';
import { maskFor } from './training-text';
import type { ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

const EXCERPT = 80;

/** Typical cases whose training text the secretary approved, with that text. */
const APPROVED = `SELECT c.id, c.number, c.received_at, c.channel, c.category_code, c.finding, c.resolution_type,
  c.anonymous, s.text FROM cases c JOIN training_sheets s ON s.case_id = c.id AND s.status = 'approved'
  WHERE c.typical = 1`;

function requireTraining(actor: Actor): void {
  if (!can(actor.role, 'training'))
    throw refuse('FORBIDDEN', '您的角色无权查看典型范例', 'Your role may not read the training library');
}

type ListRow = {
  id: string;
  number: string;
  received_at: number;
  channel: TrainingCaseRow['channel'];
  category_code: string;
  finding: TrainingCaseRow['finding'];
  resolution_type: TrainingCaseRow['resolutionType'];
  anonymous: number;
  /** The approved TrainingText, JSON. */
  text: string;
};

function categoryNames(ctx: ServiceContext): Map<string, { zh: string; en: string }> {
  return new Map(
    (
      stmt(ctx.db, 'SELECT code, name_zh, name_en FROM categories').all() as {
        code: string;
        name_zh: string;
        name_en: string;
      }[]
    ).map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]),
  );
}

/** Typical cases, newest first, by category and a search in the masked text. */
export const listTrainingCases = withInput(
  TrainingListInput,
  function listTrainingCases(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof TrainingListInput>,
  ): TrainingCaseRow[] {
    requireTraining(actor);
    const names = categoryNames(ctx);
    const rows = (
      input.categoryCode
        ? stmt(ctx.db, `${APPROVED} AND c.category_code = ? ORDER BY c.received_at DESC`).all(input.categoryCode)
        : stmt(ctx.db, `${APPROVED} ORDER BY c.received_at DESC`).all()
    ) as ListRow[];
    const q = input.q?.toLowerCase();
    const out: TrainingCaseRow[] = [];
    for (const r of rows) {
      const readable = mayReadContent(actor, { anonymous: r.anonymous === 1 });
      const text = JSON.parse(r.text) as TrainingText;
      const content = readable ? text.content : null;
      // The search sees only what the reader sees, so a customer's name finds nothing.
      if (
        q &&
        !(
          r.number.toLowerCase().includes(q) ||
          (content ?? '').toLowerCase().includes(q) ||
          text.resolutionSummary.toLowerCase().includes(q)
        )
      )
        continue;
      out.push({
        id: r.id,
        number: r.number,
        receivedAt: r.received_at,
        channel: r.channel,
        categoryCode: r.category_code,
        categoryName: names.get(r.category_code) ?? { zh: r.category_code, en: r.category_code },
        finding: r.finding,
        resolutionType: r.resolution_type,
        excerpt:
          content === null
            ? null
            : Array.from(content).slice(0, EXCERPT).join('') + (Array.from(content).length > EXCERPT ? '…' : ''),
      });
    }
    return out;
  },
);

function unitName(ctx: ServiceContext, id: string | null): string | null {
  if (!id) return null;
  return (stmt(ctx.db, 'SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

export const getTrainingCase = withInput(
  TrainingCaseInput,
  function getTrainingCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof TrainingCaseInput>): TrainingCase {
    requireTraining(actor);
    const { caseId } = input;
    const c = loadCase(ctx.db, caseId);
    const text = c?.typical ? approvedText(ctx, caseId) : null;
    const sheet = sheetOf(ctx, caseId);
    if (!c || !text || !sheet)
      throw refuse('NOT_FOUND', '典型范例中没有这个个案', 'This case is not in the training library');
    const readable = mayReadContent(actor, c);
    const mask = maskFor(c);
    const filled = <T extends { text: string }>(xs: T[]) => xs.filter((x) => x.text !== '');
    const category = categoryNames(ctx).get(c.categoryCode) ?? { zh: c.categoryCode, en: c.categoryCode };
    return {
      id: c.id,
      number: c.number,
      receivedAt: c.receivedAt,
      channel: c.channel,
      categoryCode: c.categoryCode,
      categoryName: category,
      finding: c.finding,
      resolutionType: c.resolutionType,
      severity: c.severity,
      govBody: c.govBody,
      complainedUnitName: unitName(ctx, c.complainedUnitId),
      handlingUnitName: unitName(ctx, c.handlingUnitId),
      purchaseItems: c.purchaseItems.map(
        (i) => `${mask(i.name) ?? ''} ×${i.quantity}` + (i.code ? ` (${i.code})` : ''),
      ),
      purchaseAmountFen: c.purchaseAmountFen,
      content: readable ? text.content : null,
      expectedResolution: readable ? text.expectedResolution || null : null,
      resolutionSummary: text.resolutionSummary || null,
      resolutionAmountFen: c.resolutionAmountFen,
      satisfaction: c.satisfaction,
      disputed: c.disputed === true || c.disputedAt !== null,
      cause: c.cause,
      escalations: filled(text.escalations).map((e) => ({ kind: e.kind, note: e.text, outcome: null, at: e.at })),
      notes: readable ? filled(text.notes) : [],
      instructions: filled(text.instructions),
      reviewText: text.reviewText || null,
      approvedByName: sheet.decided_by_name,
      approvedAt: sheet.decided_at,
    };
  },
);

export async function printTrainingCase(
  ctx: ServiceContext,
  actor: Actor,
  input: Parsed<typeof TrainingCaseInput>,
  opts: RenderOptions & { lang?: 'zh-CN' | 'en' } = {},
): Promise<{ pdf: Buffer; fileName: string }> {
  const tc = getTrainingCase.parsed(ctx, actor, input);
  const t = reportText(opts.lang ?? 'zh-CN');
  const pdf = await renderPdf(
    trainingCaseTemplate,
    { c: tc, timeZone: ctx.settings().timeZone, branchName: ctx.settings().branchName },
    t,
    { ...opts, paper: 'A4', title: `${t.training.title} ${tc.number}` },
  );
  return { pdf, fileName: `典型范例-${tc.number}.pdf` };
}
