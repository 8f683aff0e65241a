// A batch file (USB stick) for a branch with no connection: the same signed batches as a
// network push, in one JSON document. Head office imports it through the same importer.
import { syncRefuse } from './batch-errors';
import type { SignatureParts } from './batch-sign';

export const BATCH_FILE_FORMAT = 'branch-desk-batches';
/** The path signed for a batch inside a file, so a file signature cannot pass as a push. */
export const FILE_SIGN_PATH = 'file:/v1/batches';

export interface FileBatch extends SignatureParts {
  /** The gzipped batch body, base64. */
  body: string;
}

export interface BatchFile {
  format: typeof BATCH_FILE_FORMAT;
  version: 1;
  branch: string;
  createdAt: number;
  batches: FileBatch[];
}

export const encodeBatchFile = (f: Omit<BatchFile, 'format' | 'version'>): string => JSON.stringify({ format: BATCH_FILE_FORMAT, version: 1, ...f });

export function decodeBatchFile(text: string): BatchFile {
  let f: Partial<BatchFile>;
  try {
    f = JSON.parse(text) as Partial<BatchFile>;
  } catch {
    throw syncRefuse('DAMAGED', '批次文件已损坏或不完整,无法读取', 'The batch file is damaged or truncated and cannot be read');
  }
  const ok =
    typeof f === 'object' && f !== null && f.format === BATCH_FILE_FORMAT && f.version === 1 && typeof f.branch === 'string' && Array.isArray(f.batches) &&
    f.batches.every((b) => typeof b === 'object' && b !== null && typeof b.body === 'string' && typeof b.signature === 'string' && typeof b.nonce === 'string' && Number.isSafeInteger(b.timestamp) && typeof b.branch === 'string');
  if (!ok) throw syncRefuse('DAMAGED', '这不是门店同步批次文件,或文件不完整', 'This is not a branch sync batch file, or it is incomplete');
  return f as BatchFile;
}
