// Printing through the contract: render for the in-app preview, send to the printer through
// the OS dialog, or save through a save dialog. The shell supplies the platform port.
import { renderPrintable } from '../services/print';
import { refuse } from '../shared/errors';
import type { AppContext, PlatformPort, PrivateHandlers } from './types';

function platform(ctx: AppContext): PlatformPort {
  if (!ctx.platform)
    throw refuse(
      'FORBIDDEN',
      '此环境不能直接打印,请用预览中的打印',
      'Printing is not available here; print from the preview',
    );
  return ctx.platform;
}

export const printHandlers = {
  'print.render': async (ctx, s, input) => {
    const r = await renderPrintable(ctx, s.actor, input, ctx.fontDir);
    return { pdfBase64: r.pdf.toString('base64'), fileName: r.fileName };
  },
  'print.toPrinter': async (ctx, s, input) => {
    const port = platform(ctx);
    const r = await renderPrintable(ctx, s.actor, input, ctx.fontDir);
    const printerName = ctx.settingsAccess?.get().printerName ?? '';
    const out = await port.printPdf(r.pdf, { title: r.title, printerName });
    // Remember the printer and the slip paper the clerk chose for next time.
    const remembered = ctx.settingsAccess?.get();
    const patch: Record<string, string> = {};
    if (out.printed && out.printerName && out.printerName !== printerName) patch.printerName = out.printerName;
    if (out.printed && input.kind === 'slip' && input.paper && remembered && input.paper !== remembered.slipPaper)
      patch.slipPaper = input.paper;
    if (Object.keys(patch).length > 0) ctx.settingsAccess?.update(patch);
    return out;
  },
  'print.saveAs': async (ctx, s, input) => {
    const port = platform(ctx);
    const r = await renderPrintable(ctx, s.actor, input, ctx.fontDir);
    return { path: await port.savePdf(r.pdf, r.fileName) };
  },
  // Where there is no operating system printing (the browser mode) the list is empty and says so.
  'print.printers': async (ctx) =>
    ctx.platform
      ? { available: true, printers: await ctx.platform.listPrinters() }
      : { available: false, printers: [] },
} satisfies Partial<PrivateHandlers>;
