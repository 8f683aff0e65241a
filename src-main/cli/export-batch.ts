// `export-batch`: the unsent outbox as a signed batch file for head office (USB stick), for a
// branch with no connection. The branch code and key come from options or the environment. When
// attachment bytes wait for head office, or `--max-mb` asks for parts, the file is the USB container
// (sync/batch-container.ts) carrying them, split into parts of at most that size; otherwise the JSON
// batch file as before.
import { blobRootOf } from '../db/blob-store';
import { openStore } from './store-open';
import { stmt } from '../db/statements';
import { checkBranchAndKey, exportBatches, writeBatchFile } from '../sync/export-batch';
import { exportUsbParts } from '../sync/usb-export';
import { branchAndKeyFrom, EXIT, formatBytes, type Out, requireExistingFile } from './output';

export interface ExportOptions {
  db: string;
  out: string;
  branch?: string;
  key?: string;
  /** Largest part in MB (the container is split above it); absent: one file. */
  maxMb?: number;
}

export function exportBatchFile(o: ExportOptions, out: Out, env: NodeJS.ProcessEnv = process.env): number {
  const given = branchAndKeyFrom(o, env);
  const { branch, key } = checkBranchAndKey(given.branch, given.key);
  requireExistingFile(o.db);
  const { db } = openStore(o.db);
  try {
    const blobsWaiting = stmt(
      db,
      'SELECT count(*) AS n FROM attachment_blobs WHERE upload = 1 AND uploaded_at IS NULL',
    ).get() as { n: number };
    if (blobsWaiting.n > 0 || o.maxMb !== undefined) {
      const r = exportUsbParts(db, {
        branch,
        key,
        now: Date.now(),
        out: o.out,
        blobRoot: blobRootOf(o.db),
        maxBytes: o.maxMb !== undefined ? o.maxMb * 1024 * 1024 : null,
      });
      for (const m of r.missingBlobs) out.line(`附件文件缺失,未带上 Attachment file missing here, not carried: ${m}`);
      if (r.paths.length === 0) {
        out.line('没有待同步的记录或附件,未生成文件 Nothing is waiting to sync; no file written');
        return EXIT.ok;
      }
      for (const p of r.paths) out.line(`批次文件 Batch file: ${p}`);
      out.line(
        `记录 Records: ${r.records}${r.firstSeq !== null ? ` (序号 seq ${r.firstSeq}–${r.lastSeq})` : ''}, 批次 batches: ${r.batches}, 附件 attachments: ${r.blobs} (${formatBytes(r.blobBytes)}), 分卷 parts: ${r.paths.length}, 大小 size: ${formatBytes(r.bytes)}`,
      );
      return EXIT.ok;
    }
    const { text, result } = exportBatches(db, { branch, key, now: Date.now() });
    if (result.records === 0) {
      out.line('没有待同步的记录,未生成文件 Nothing is waiting to sync; no file written');
      return EXIT.ok;
    }
    writeBatchFile(o.out, text, { branch, key });
    out.line(`批次文件 Batch file: ${o.out}`);
    out.line(
      `记录 Records: ${result.records} (序号 seq ${result.firstSeq}–${result.lastSeq}), 批次 batches: ${result.batches}, 大小 size: ${formatBytes(result.bytes)}`,
    );
    return EXIT.ok;
  } finally {
    db.close();
  }
}
