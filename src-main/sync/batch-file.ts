// A batch file (USB stick) for a branch with no connection: the same signed batches as a
// network push, in one JSON document (schema: protocol.ts). Head office imports it through the same importer.
import { syncRefuse } from './batch-errors';
import { BATCH_FILE_FORMAT, BatchFile } from './protocol';

/** The path signed for a batch inside a file, so a file signature cannot pass as a push. */
export const FILE_SIGN_PATH = 'file:/v1/batches';

export const encodeBatchFile = (f: Omit<BatchFile, 'format' | 'version'>): string =>
  JSON.stringify({ format: BATCH_FILE_FORMAT, version: 1, ...f });

export function decodeBatchFile(text: string): BatchFile {
  let f: unknown;
  try {
    f = JSON.parse(text);
  } catch {
    throw syncRefuse(
      'DAMAGED',
      '批次文件已损坏或不完整,无法读取',
      'The batch file is damaged or truncated and cannot be read',
    );
  }
  const r = BatchFile.safeParse(f);
  if (!r.success)
    throw syncRefuse(
      'DAMAGED',
      '这不是门店同步批次文件,或文件不完整',
      'This is not a branch sync batch file, or it is incomplete',
    );
  return r.data;
}
