// The wire of head office's cross-branch matter notices (issue 22 §4): when a reviewer links cases of
// different branches as one matter (or unlinks one), each branch involved is told on its pull, by its
// own cursor (`?matters=N` → matterNotices, matterCursor): "the same matter is also handled at SH02 as
// SH02-YY-…". Pure (zod only), in shared so head office and the services read it; sync/protocol.ts adds
// the fields to the pull answer. Head office links; it never edits the branch's case.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const text = (max: number) => z.string().min(1).max(max);

/** One of the matter's cases at another branch. */
export const MatterOther = z.object({ branch: text(16), number: text(100) });
export type MatterOther = z.infer<typeof MatterOther>;

/**
 * A notice about one of the branch's cases. 'linked': the case is in head office's matter with `others`
 * (the whole list as it is now; a later notice replaces it). 'unlinked': it is no longer (with the reason).
 */
export const MatterNotice = z.object({
  seq: count,
  noticeId: text(100),
  matterId: text(100),
  caseId: text(100),
  caseNumber: text(100),
  kind: z.enum(['linked', 'unlinked']),
  others: z.array(MatterOther).max(200),
  reviewerName: z.string().max(100),
  reason: z.string().max(500).nullish(),
  /** ISO instant. */
  at: z.string(),
});
export type MatterNotice = z.infer<typeof MatterNotice>;

/** What the branch's case screen shows (cases.crossBranchMatter): the newest notice about the case. */
export interface CrossBranchMatterView {
  matterId: string;
  kind: 'linked' | 'unlinked';
  /** The matter's cases at other branches now ('linked'); empty when unlinked. */
  others: MatterOther[];
  reviewerName: string;
  reason: string | null;
  /** When head office linked or unlinked it (UTC ms). */
  at: number;
}
