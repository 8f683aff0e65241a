// What the product flags, the 主动访谈 call list and head office's notices answer (issue 18 §2).
import type { Bilingual } from './errors';

export interface FlaggedItemCase {
  caseId: string;
  caseNumber: string;
  status: string;
  receivedAt: number;
}

export interface FlaggedItem {
  key: string;
  /** The code or normalised name the key holds. */
  label: string;
  /** A name the item was recorded under. */
  name: string;
  /** Every complaint of the window, listed to this user or not. */
  cases: number;
  /** The cases this user may list, newest first. */
  caseList: FlaggedItemCase[];
}

export interface FlaggedItems {
  minCases: number;
  days: number;
  items: FlaggedItem[];
}

export interface ItemComplainant {
  caseId: string;
  caseNumber: string;
  status: string;
  receivedAt: number;
  customerName: string | null;
  customerPhone: string | null;
}

export interface ItemCallsResult {
  scheduled: { caseId: string; caseNumber: string; followUpId: string }[];
  skipped: { caseId: string; caseNumber: string; reason: Bilingual }[];
}

/** A notice waiting for acknowledgement, as the home screen shows it. */
export interface NoticeWaiting {
  noticeId: string;
  title: string;
  text: string;
  itemKey: string | null;
  reviewerName: string;
  sentAt: number;
  /** Whether this user may acknowledge it. */
  mayAcknowledge: boolean;
}
