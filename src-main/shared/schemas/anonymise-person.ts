// A person's deletion request (issue 20 §3): the phone whose data is anonymised now, and why.
import { z } from 'zod';

export const AnonymisePersonInput = z.strictObject({
  phone: z.string().trim().min(5).max(40),
  reason: z.string().trim().min(2).max(500),
});

/** What was anonymised: the numbers (never the person's data) and the counts. */
export interface AnonymisePersonResult {
  recordId: string;
  cases: { id: string; number: string }[];
  slips: { id: string; number: string }[];
  followUps: number;
  attachments: number;
  personalFiles: number;
  customers: number;
  filesDeleted: number;
}

/** The retention in force at this branch (the settings screen): head office's value when it imposes one. */
export interface RetentionStatus {
  years: number;
  imposed: boolean;
  /** The branch's own setting (used when head office imposes nothing). */
  branchYears: number;
}
