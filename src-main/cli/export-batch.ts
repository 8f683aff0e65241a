// `export-batch`: the unsent outbox as a signed batch file for head office (USB stick), for a
// branch with no connection. The branch code and key come from options or the environment.
import { openDatabase } from '../db/connection';
import { checkBranchAndKey, exportBatches, writeBatchFile } from '../sync/export-batch';
import { branchAndKeyFrom, EXIT, formatBytes, type Out, requireExistingFile } from './output';

export interface ExportOptions {
  db: string;
  out: string;
  branch?: string;
  key?: string;
}

export function exportBatchFile(o: ExportOptions, out: Out, env: NodeJS.ProcessEnv = process.env): number {
  const given = branchAndKeyFrom(o, env);
  const { branch, key } = checkBranchAndKey(given.branch, given.key);
  requireExistingFile(o.db);
  const { db } = openDatabase(o.db);
  try {
    const { text, result } = exportBatches(db, { branch, key, now: Date.now() });
    if (result.records === 0) {
      out.line('没有待同步的记录,未生成文件 Nothing is waiting to sync; no file written');
      return EXIT.ok;
    }
    writeBatchFile(o.out, text);
    out.line(`批次文件 Batch file: ${o.out}`);
    out.line(
      `记录 Records: ${result.records} (序号 seq ${result.firstSeq}–${result.lastSeq}), 批次 batches: ${result.batches}, 大小 size: ${formatBytes(result.bytes)}`,
    );
    return EXIT.ok;
  } finally {
    db.close();
  }
}
