// personalData.export (issue 20 §3): the person's copy of what the branch holds under a phone, as the PDF
// 个人信息查询结果 and the JSON file of shared/person-data-types.ts (money in fen, times UTC ISO), written to the
// access log with its reason. Only the secretary office and the manager (person-data.ts).
import type { Actor } from '../domain/case-machine';
import { personDataPdf, personFileName } from '../pdf/person-data-pdf';
import type { RenderOptions } from '../pdf/render';
import type { PersonData, PersonDataExport } from '../shared/person-data-types';
import { PersonExportInput } from '../shared/schemas/person-data';
import type { ServiceContext } from './context';
import { logPersonExport } from './person-access-log';
import { assertMayAnswerRequests, personDataOf, personPhone } from './person-data';
import { parseInput } from '../shared/validation';

export type PersonExportInput = { phone: string; reason: string; lang?: 'zh-CN' | 'en' };

async function exportParsed(
  ctx: ServiceContext,
  actor: Actor,
  input: PersonExportInput,
  opts: RenderOptions = {},
): Promise<PersonDataExport> {
  assertMayAnswerRequests(actor);
  const phone = personPhone(input.phone);
  const lang = input.lang ?? 'zh-CN';
  const tz = ctx.settings().timeZone;
  // Read and logged in one transaction: the log says exactly what the file holds.
  const data = ctx.db
    .transaction((): PersonData => {
      const d = personDataOf(ctx, phone);
      logPersonExport(ctx, actor, phone, input.reason, {
        cases: d.cases.length,
        slips: d.slips.length,
        followUps: d.followUps.length,
        attachments: d.attachments.length,
        drafts: d.drafts.length,
      });
      return d;
    })
    .immediate();
  const base = personFileName(data, tz, lang);
  const pdf = await personDataPdf(data, tz, lang, opts);
  return {
    pdfBase64: pdf.toString('base64'),
    pdfFileName: `${base}.pdf`,
    json: JSON.stringify(data, null, 2),
    jsonFileName: `${base}.json`,
  };
}

export const exportPersonData = Object.assign(
  (ctx: ServiceContext, actor: Actor, raw: unknown, opts: RenderOptions = {}) =>
    exportParsed(ctx, actor, parseInput(PersonExportInput, raw), opts),
  { parsed: exportParsed },
);
