// What the intake notice shows (issue 18 §3): earlier cases and slips that match what the clerk typed, and why.

/** Why a case or slip matched: the same phone (电话), customer name (姓名) or receipt number (小票号). */
export type IntakeMatchReason = 'phone' | 'name' | 'receipt';

export const INTAKE_MATCH_REASONS: readonly IntakeMatchReason[] = ['phone', 'name', 'receipt'];

export interface IntakeMatch {
  kind: 'case' | 'slip';
  id: string;
  number: string;
  /** The case status or the slip status, labelled by the renderer's status / slipStatus words. */
  status: string;
  /** When the case was received or the slip handled. */
  at: number;
  customerName: string | null;
  /** Never empty; in the order of INTAKE_MATCH_REASONS. Only ['name'] is a weaker match. */
  reasons: IntakeMatchReason[];
}

export interface IntakeMatches {
  /** Newest first; at most MAX_INTAKE_MATCHES. */
  matches: IntakeMatch[];
}

export const MAX_INTAKE_MATCHES = 20;
