// The console's contract for sync health (GET /branches/health, POST /branches/health/acks): each
// branch's state and problems with their next steps, and the acknowledgements. Re-exported by api-contract.ts.
import { z } from 'zod';
import type { Bilingual } from '../../src-main/shared/errors';
import { branchCode } from './contract-base';

export interface BranchAlert {
  /** `rewound` (restored from an old backup), or the refusal code of a batch (GAP, DAMAGED, …). */
  kind: string;
  message: Bilingual;
  at: number;
}

/** GET /branches/health — one row per registered branch, by code. */
export interface BranchHealth {
  branch: string;
  registeredAt: number;
  lastBatchAt: number | null;
  lastBatchSource: 'http' | 'file' | null;
  /** Outbox records waiting at the branch, as it last reported (null: never reported). */
  backlog: number | null;
  backlogReportedAt: number | null;
  recordsStored: number;
  quarantined: number;
  /** Newest first, at most 5. */
  alerts: BranchAlert[];
  /** The branch's own time (its clock) of the newest record it sent: a case's updatedAt, …; null: none yet. */
  newestRecordAt?: number | null;
  /** What is wrong now, each with the next step for the branch's IT; none: 正常. */
  problems?: HealthProblem[];
}

/** A branch not heard from for this long is silent (the scheduler syncs every few minutes). */
export const SILENT_HOURS = 24;
/**
 * The stale-data rule: a branch whose newest record (its own time) is older than this is stale,
 * however recent the import (an old USB export, a PC no longer used). A branch with no case
 * changed in a week also reads stale: a reviewer acknowledges it when that is true.
 */
export const STALE_DATA_DAYS = 7;

/**
 * Kinds of problem: the refusal codes head office keeps as a branch's last error (REWOUND,
 * BAD_SIGNATURE, UNKNOWN_BRANCH, CLOCK_SKEW, NONCE_REUSED, FOREIGN_BRANCH, DAMAGED, SCHEMA_TOO_NEW,
 * PROTOCOL, TOO_LARGE), and the states below.
 */
export const HEALTH_STATE_KINDS = ['QUARANTINE', 'SILENT', 'NEVER_SYNCED', 'STALE_DATA', 'BACKLOG_GROWING'] as const;

export interface HealthProblem {
  kind: string;
  /** When it last happened (the refusal, the newest quarantined record, the last batch, …): what an acknowledgement covers. */
  at: number;
  /** What happened. */
  message: Bilingual;
  /** What the branch's IT should do. */
  nextStep: Bilingual;
  /** Null until acknowledged, and again once the problem happens after the acknowledgement. */
  acknowledged: { username: string; name: string; at: number } | null;
}

/** POST /branches/health/acks: `kind` and `at` as the problem was shown. */
export const HealthAckBody = z.object({
  branch: branchCode,
  kind: z
    .string()
    .trim()
    .refine((s) => /^[A-Z_]{2,40}$/.test(s), { params: { zh: '须为问题类别代码', en: 'must be a problem kind code' } }),
  at: z.number().int().nonnegative(),
});
export type HealthAckBody = z.infer<typeof HealthAckBody>;

export interface HealthAckAnswer {
  branch: string;
  problem: HealthProblem;
}

export interface BranchHealthAnswer {
  branches: BranchHealth[];
  now: number;
}
