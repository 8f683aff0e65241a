// The manager's import of head office's calendar and phrase-library file from the screens (issue 21 §1): the
// file's bytes in base64 (a reference file is at most 8 MB, sync/protocol-reference-file.ts).
import { z } from 'zod';

export const ImportReferenceInput = z.strictObject({
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil((9 * 1024 * 1024 * 4) / 3)),
});
export type ImportReferenceInput = z.infer<typeof ImportReferenceInput>;

/** What the import answers: how many records the file held and those this branch did not have yet. */
export interface ReferenceImported {
  inFile: number;
  stored: { kind: 'calendar' | 'phrases'; key: string; version: number }[];
}

/** The last reference update the branch received, for the sync line (shown for 7 days). */
export interface ReferenceUpdateView {
  at: number;
  via: 'network' | 'file';
  calendarYears: number[];
  phrases: boolean;
}
