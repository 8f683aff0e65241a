// `print`: writes the form of a case (顾客异议处理记录表) or a slip (商品退换货单), found by
// its number, to a PDF file — for reprints and for checking forms outside the app. Run by
// whoever maintains the branch PC, it prints anonymous content too (as a manager would).
import { writeFileSync } from 'node:fs';
import { createBranchApp } from '../app';
import { openStore } from './store-open';
import { findCaseIdByNumber } from '../db/repositories/case-repo';
import { findSlipIdByNumber } from '../db/repositories/slip-repo';
import type { Actor } from '../domain/case-machine';
import { parseNumber } from '../domain/numbering';
import { printCaseRecord, printSlip } from '../services/print';
import { refuse } from '../shared/errors';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { parseInput } from '../shared/validation';
import { EXIT, formatBytes, type Out, requireExistingFile } from './output';

const MAINTENANCE: Actor = { id: 'cli', staffNo: 'CLI', name: '维护工具', role: 'manager', unitId: null };

export interface PrintOptions {
  db: string;
  number: string;
  out: string;
  paper?: 'A4' | 'A5';
  branchName?: string;
}

export async function printByNumber(opts: PrintOptions, out: Out): Promise<number> {
  requireExistingFile(opts.db);
  const parsed = parseNumber(opts.number.trim());
  if (!parsed)
    throw refuse(
      'VALIDATION',
      `编号 ${opts.number} 格式不正确,应如 SH01-YY-202611-0001`,
      `${opts.number} is not a number like SH01-YY-202611-0001`,
    );
  const settings = parseInput(BranchSettingsSchema, {
    ...DEFAULT_BRANCH_SETTINGS,
    branchCode: parsed.branchCode,
    branchName: opts.branchName ?? DEFAULT_BRANCH_SETTINGS.branchName,
  });
  const { db } = openStore(opts.db);
  try {
    const { ctx } = createBranchApp({ db, settings: { branch: () => settings } });
    let pdf: Buffer;
    if (parsed.kindCode === 'TH') {
      const id = findSlipIdByNumber(db, opts.number.trim());
      if (!id) throw refuse('NOT_FOUND', `找不到退换货单 ${opts.number}`, `No slip numbered ${opts.number}`);
      pdf = await printSlip(ctx, id, opts.paper ? { paper: opts.paper } : {});
    } else {
      const id = findCaseIdByNumber(db, opts.number.trim());
      if (!id) throw refuse('NOT_FOUND', `找不到个案 ${opts.number}`, `No case numbered ${opts.number}`);
      pdf = await printCaseRecord(ctx, MAINTENANCE, id);
    }
    writeFileSync(opts.out, pdf);
    out.line(`已写入 Written: ${opts.out} (${formatBytes(pdf.length)})`);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
