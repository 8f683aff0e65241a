// Renders sample reports to docs/reports/ (PDF and PNG pages via poppler's pdftoppm): the
// monthly and weekly summaries and one training sheet, from a demo store seeded with a fixed
// end time, so they read the same every run: `npm run reports:samples`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stdio } from '../src-main/cli/output';
import { seedDemo } from '../src-main/cli/seed-demo';
import { openDatabase } from '../src-main/db/connection';
import type { Actor } from '../src-main/domain/case-machine';
import { createContext } from '../src-main/services/context';
import { summaryPdf } from '../src-main/services/report-export';
import { computeSummary } from '../src-main/services/reports';
import { printTrainingCase } from '../src-main/services/training';
import { writeSample } from './sample-files';

const OUT = join(import.meta.dirname, '..', 'docs', 'reports');
const NOW = Date.parse('2026-11-24T18:00:00+08:00');
const FIXED = { creationDate: new Date('2026-11-24T00:00:00Z') };

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-report-samples-'));
  try {
    const file = join(dir, 'demo.sqlite');
    seedDemo(
      { db: file, cases: 600, seed: 20261124, branch: 'SH01', now: NOW, days: 120 },
      { line: () => {}, err: stdio.err },
    );
    const { db } = openDatabase(file);
    const ctx = createContext(db, { now: () => NOW });
    const secretary = db
      .prepare("SELECT id, staff_no AS staffNo, name, role, unit_id AS unitId FROM users WHERE staff_no = 'S001'")
      .get() as Actor;
    const month = computeSummary(ctx, secretary, { periodType: 'month', date: '2026-11-24', previousCount: 6 });
    const week = computeSummary(ctx, secretary, { periodType: 'week', date: '2026-11-18', previousCount: 6 });
    // The library prints only a typical case whose training text the secretary approved (training-approval.ts).
    const typical = db
      .prepare(
        "SELECT c.id FROM cases c JOIN training_sheets s ON s.case_id = c.id AND s.status = 'approved' WHERE c.typical = 1 ORDER BY c.received_at DESC LIMIT 1",
      )
      .get() as {
      id: string;
    };
    const docs: [string, Buffer][] = [
      ['summary-report-month', await summaryPdf(month, 'zh-CN', FIXED)],
      ['summary-report-week', await summaryPdf(week, 'zh-CN', FIXED)],
      ['summary-report-month-en', await summaryPdf(month, 'en', FIXED)],
      ['training-case', (await printTrainingCase(ctx, secretary, { caseId: typical.id }, FIXED)).pdf],
    ];
    db.close();
    for (const [name, pdf] of docs) console.log(writeSample(OUT, name, pdf).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
