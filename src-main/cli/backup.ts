// `backup`: an online backup (safe while the app is running) with a full integrity check of
// the copy; a copy that fails the check is reported and the exit code says so.
import { openStore } from './store-open';
import { onlineBackup } from '../db/backup';
import { EXIT, formatBytes, type Out, requireExistingFile } from './output';

export async function backupStore(opts: { db: string; to: string }, out: Out): Promise<number> {
  requireExistingFile(opts.db);
  const { db } = openStore(opts.db);
  try {
    const r = await onlineBackup(db, opts.to);
    out.line(`备份文件 Backup file: ${r.path}`);
    out.line(`大小 Size: ${formatBytes(r.bytes)} (${r.bytes} bytes)`);
    out.line(`完整性检查 Integrity check: ${r.integrity}`);
    out.line(`附件文件 Attachment files copied: ${r.blobsCopied}`);
    if (r.integrity !== 'ok') {
      out.err('备份未通过完整性检查,请勿使用此备份 The backup failed its integrity check; do not rely on it');
      return EXIT.problem;
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}
