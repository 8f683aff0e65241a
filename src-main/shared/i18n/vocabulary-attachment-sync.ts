// The sync line's words for attachment files not yet confirmed by head office (issue 19), zh-CN and en.
import type { Bilingual } from '../errors';

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

/** "附件待上传 3 个(12.5 MB)"; null when none waits. */
export function attachmentsWaitingWords(w: { count: number; bytes: number } | undefined): Bilingual | null {
  if (!w || w.count === 0) return null;
  return {
    zh: `附件待上传 ${w.count} 个(${size(w.bytes)})`,
    en: `${w.count} attachment file${w.count === 1 ? '' : 's'} waiting (${size(w.bytes)})`,
  };
}
