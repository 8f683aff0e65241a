// Printing through the contract: render for the in-app preview, send to the printer through
// the OS dialog, or save through a save dialog. The shell supplies the platform port.
import type { Actor } from '../domain/case-machine';
import { loadCase } from '../db/repositories/case-repo';
import { loadSlip } from '../db/repositories/slip-repo';
import { printCaseRecord, printSlip } from '../services/print';
import { printTrainingCase } from '../services/training';
import { refuse } from '../shared/errors';
import { PrintInput } from '../shared/schemas/slip';
import { parseInput } from '../shared/validation';
import type { AppContext, Handler, PlatformPort } from './types';

async function render(ctx: AppContext, actor: Actor, raw: unknown): Promise<{ pdf: Buffer; fileName: string; title: string }> {
  const input = parseInput(PrintInput, raw);
  if (input.kind === 'slip') {
    const number = loadSlip(ctx.db, input.id)?.number ?? '';
    const pdf = await printSlip(ctx, input.id, { ...(input.paper ? { paper: input.paper } : {}), ...(ctx.fontDir ? { fontDir: ctx.fontDir } : {}) });
    return { pdf, fileName: `商品退换货单-${number}.pdf`, title: `商品退换货单 ${number}` };
  }
  if (input.kind === 'training') {
    const r = await printTrainingCase(ctx, actor, { caseId: input.id }, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
    return { pdf: r.pdf, fileName: r.fileName, title: r.fileName.replace(/\.pdf$/, '') };
  }
  const number = loadCase(ctx.db, input.id)?.number ?? '';
  const pdf = await printCaseRecord(ctx, actor, input.id, ctx.fontDir ? { fontDir: ctx.fontDir } : {});
  return { pdf, fileName: `顾客异议处理记录表-${number}.pdf`, title: `顾客异议处理记录表 ${number}` };
}

function platform(ctx: AppContext): PlatformPort {
  if (!ctx.platform) throw refuse('FORBIDDEN', '此环境不能直接打印,请用预览中的打印', 'Printing is not available here; print from the preview');
  return ctx.platform;
}

export const printHandlers = {
  'print.render': (async (ctx, s, input) => {
    const r = await render(ctx, s.actor, input);
    return { pdfBase64: r.pdf.toString('base64'), fileName: r.fileName };
  }) as Handler<'print.render'>,
  'print.toPrinter': (async (ctx, s, input) => {
    const port = platform(ctx);
    const r = await render(ctx, s.actor, input);
    const printerName = ctx.settingsAccess?.get().printerName ?? '';
    const out = await port.printPdf(r.pdf, { title: r.title, printerName });
    // Remember the printer and the slip paper the clerk chose for next time.
    const remembered = ctx.settingsAccess?.get();
    const patch: Record<string, string> = {};
    if (out.printed && out.printerName && out.printerName !== printerName) patch.printerName = out.printerName;
    const { kind, paper } = input as { kind: string; paper?: 'A4' | 'A5' };
    if (out.printed && kind === 'slip' && paper && remembered && paper !== remembered.slipPaper) patch.slipPaper = paper;
    if (Object.keys(patch).length > 0) ctx.settingsAccess?.update(patch);
    return out;
  }) as Handler<'print.toPrinter'>,
  'print.saveAs': (async (ctx, s, input) => {
    const port = platform(ctx);
    const r = await render(ctx, s.actor, input);
    return { path: await port.savePdf(r.pdf, r.fileName) };
  }) as Handler<'print.saveAs'>,
  // Where there is no operating system printing (the dev server) the list is empty and says so.
  'print.printers': (async (ctx) =>
    ctx.platform ? { available: true, printers: await ctx.platform.listPrinters() } : { available: false, printers: [] }) as Handler<'print.printers'>,
};
