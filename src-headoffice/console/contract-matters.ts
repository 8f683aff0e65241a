// The console's contract for cases of one matter (issue 22 §4): a case's matters (the branch's own links
// and merges as synced, head office's cross-branch matter), the cross-branch suggestions with why, and the
// reviewer's link and unlink. Pure (zod and types) so that the console UI imports it too.
import { z } from 'zod';
import type { CaseStatus, Channel } from '../../src-main/shared/enums';
import { branchCode, CONSOLE_API } from './contract-base';

export const MATTER_PATHS = {
  /** GET: the case's matters and the cross-branch suggestions. */
  caseMatters: `${CONSOLE_API}/cases/:branch/:id/matters`,
  /** POST {linkCases}: link cases of different branches as one matter (201). */
  link: `${CONSOLE_API}/matters`,
  /** POST {branch, id, reason}: take one case out of its cross-branch matter. */
  unlink: `${CONSOLE_API}/matters/unlink`,
} as const;

export const caseMattersPath = (branch: string, id: string): string =>
  `${CONSOLE_API}/cases/${encodeURIComponent(branch)}/${encodeURIComponent(id)}/matters`;

/** Suggestions: the same customer (phone, else name) at another branch, open or received within this many days. */
export const CROSS_SUGGEST_DAYS = 90;
export const CROSS_SUGGEST_MAX = 10;

/** Why a case of another branch is suggested: the customer (phone, else exact name) and the matter (receipt, item). */
export type CrossMatchReason = 'phone' | 'name' | 'receipt' | 'item';
/** The weight each reason adds (the branch's suggestions weigh alike: shared/case-links.ts MATCH_WEIGHTS). */
export const CROSS_MATCH_WEIGHTS: Record<CrossMatchReason, number> = { phone: 40, receipt: 30, item: 15, name: 10 };

const caseKey = z.strictObject({ branch: branchCode, id: z.string().trim().min(1).max(100) });

/** POST matters: two or more cases, of at least two branches (field names labelled in CONSOLE_FIELD_LABELS). */
export const LinkMatterBody = z.strictObject({ linkCases: z.array(caseKey).min(2).max(20) });
export type LinkMatterBody = z.infer<typeof LinkMatterBody>;

/** POST matters/unlink: the case and why. */
export const UnlinkMatterBody = z.strictObject({
  branch: branchCode,
  id: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(2).max(500),
});
export type UnlinkMatterBody = z.infer<typeof UnlinkMatterBody>;

/** A case as the matter section lists it. */
export interface MatterCase {
  branch: string;
  id: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  receivedAt: number;
  dueAt: number | null;
  /** Merged at its branch into this case id (closed as 重复); null when not. */
  mergedInto: string | null;
}

/** One cross-branch suggestion, ranked by score then newest. */
export interface CrossMatterSuggestion extends MatterCase {
  score: number;
  /** Never empty: the customer's reason first, then receipt, item. */
  reasons: CrossMatchReason[];
  /** The receipt no. or item name that matched, to show why. */
  matched: { receipt: string | null; item: string | null };
  /** Its head-office matter when it is in one (linking it joins that matter). */
  matterId: string | null;
}

/** One entry of the matter's audit (append-only, hq_matter_log). */
export interface MatterLogEntry {
  action: 'link' | 'unlink';
  branch: string;
  number: string;
  reviewerName: string;
  at: number;
  reason: string | null;
}

/** Head office's cross-branch matter (hq_matters): its live cases and its audit. */
export interface CrossBranchMatter {
  matterId: string;
  createdAt: number;
  createdByName: string;
  cases: (MatterCase & { linkedAt: number; linkedByName: string })[];
  log: MatterLogEntry[];
}

/** GET cases/:branch/:id/matters. */
export interface CaseMattersAnswer {
  /** The branch's own matter (its links, as synced): the other cases of it at the branch; null when alone. */
  branchMatter: { matterId: string; cases: MatterCase[] } | null;
  /** The branch merged this case (a duplicate) into that case; null when not merged. */
  mergedInto: MatterCase | null;
  /** Duplicates the branch merged into this case. */
  mergedFrom: MatterCase[];
  /** Head office's cross-branch matter of this case; null when none. */
  crossBranch: CrossBranchMatter | null;
  suggestions: CrossMatterSuggestion[];
}

/** POST matters / matters/unlink: the matter as it is now (null when the unlink left nothing linked). */
export interface MatterAnswer {
  matter: CrossBranchMatter | null;
}
