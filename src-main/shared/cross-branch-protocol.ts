// The wire format of what head office tells each branch on every sync about other branches (issue 18 §3, §4):
// repeat complainants keyed by a per-branch keyed hash of the normalised phone (never the phone),
// and the same receipt + item refunded at two branches. GET /v1/cross-branch (signed); 404 from an
// older head office.
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const CrossBranchComplainant = z.object({
  /** phoneHash(phoneKey, normalised phone). */
  h: z.string().regex(/^[0-9a-f]{32}$/),
  /** Unfounded findings (不属实) at OTHER branches in the last 12 months. */
  unfounded: count,
});

export const CrossBranchRefund = z.object({
  receiptKey: z.string().min(1),
  itemCode: z.string().min(1),
  /** Every unvoided slip of any branch that returned this item from this receipt (two branches at least). */
  slips: z.array(z.object({ branch: z.string(), number: z.string(), handledAt: z.number() })).min(2),
});
export type CrossBranchRefund = z.infer<typeof CrossBranchRefund>;

export const CrossBranchFlags = z.object({
  /** When head office computed the lists (epoch ms). */
  asOf: z.number(),
  /** This branch's hashing key (hex), HMAC of head office's secret and the branch code. */
  phoneKey: z.string().regex(/^[0-9a-f]{64}$/),
  complainants: z.array(CrossBranchComplainant),
  doubleRefunds: z.array(CrossBranchRefund),
});
export type CrossBranchFlags = z.infer<typeof CrossBranchFlags>;

/**
 * How a normalised phone (shared/phone.ts) becomes its published key: HMAC-SHA256 under the branch's
 * phoneKey (hex-decoded), the first HEX_CHARS hex characters of the digest. Computed with node:crypto on
 * each side (head office: src-headoffice/cross-branch-flags.ts; the branch: db/repositories/cross-branch-repo.ts),
 * since this layer stays pure. Invariant: both compute it alike (tested across the two in
 * test/headoffice/cross-branch-flags.test.ts), so the branch finds a customer only by a phone it was given.
 */
export const PHONE_HASH = { algorithm: 'sha256', hexChars: 32 } as const;
