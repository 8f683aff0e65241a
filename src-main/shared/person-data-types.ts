// A person's request (issue 20 §3): everything held about one phone number, as the screen shows it and as
// the JSON export writes it (this is the documented shape: money in fen, times as UTC ISO 8601 strings).
import type { AttachmentKind, AttachmentOwnerType } from './attachment-types';
import type { CaseStatus, Channel, FollowUpOutcome } from './enums';

/** The JSON file's format tag; a change of shape changes the number. */
export const PERSON_DATA_FORMAT = 'branch-desk.person-data/1';

/** Why a case is listed: its customer phone, its customer record's phone, a government contact's phone, or the number written in its text. */
export const PERSON_CASE_MATCHES = ['customer_phone', 'customer_record', 'gov_contact_phone', 'text'] as const;
export type PersonCaseMatch = (typeof PERSON_CASE_MATCHES)[number];

export interface PersonCase {
  /** The branch that holds it (its code); at a branch always its own. */
  branch: string;
  number: string;
  matchedBy: PersonCaseMatch[];
  /**
   * The person is the case's customer (by its customer phone or customer record). Otherwise the case only
   * mentions the number (a government body's contact, its text) and is someone else's: only its number,
   * channel, status, category and dates are given, every customer field and text is null, and its slips,
   * follow-ups and attachments are not listed.
   */
  ownCase: boolean;
  channel: Channel;
  status: CaseStatus;
  categoryCode: string;
  categoryName: string;
  receivedAt: string;
  filedAt: string | null;
  anonymous: boolean;
  customerName: string | null;
  customerPhone: string | null;
  customerOtherContact: string | null;
  content: string | null;
  expectedResolution: string | null;
  purchaseItems: { name: string; code: string | null; quantity: number }[];
  receiptNo: string | null;
  purchaseAmountFen: number | null;
  resolutionSummary: string | null;
  resolutionAmountFen: number | null;
}

export interface PersonSlipLine {
  itemCode: string;
  name: string;
  quantity: number;
  amountFen: number;
}

export interface PersonSlip {
  branch: string;
  number: string;
  type: 'return' | 'exchange';
  status: 'pending_approval' | 'completed' | 'void';
  handledAt: string;
  customerName: string | null;
  customerPhone: string | null;
  receiptNo: string;
  returnedLines: PersonSlipLine[];
  issuedLines: PersonSlipLine[];
  returnedTotalFen: number;
  issuedTotalFen: number;
  refundFen: number;
  caseNumber: string | null;
}

export interface PersonFollowUp {
  branch: string;
  caseNumber: string;
  dueDate: string;
  doneAt: string | null;
  outcome: FollowUpOutcome | null;
  note: string | null;
  result: string | null;
}

/** An attachment's metadata (never its bytes): the person may ask for a copy of a file by its number and name. */
export interface PersonAttachment {
  branch: string;
  ownerType: AttachmentOwnerType;
  ownerNumber: string;
  kind: AttachmentKind;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  addedAt: string;
  voidedAt: string | null;
}

/** A half-typed form (drafts, kept 30 days) that holds the number: who was typing it and when it was saved. */
export interface PersonDraft {
  form: string;
  staffNo: string;
  savedAt: string;
}

export interface PersonData {
  format: typeof PERSON_DATA_FORMAT;
  /** Who holds it: the branch's code and name, or head office ('HQ'). */
  holder: { code: string; name: string };
  /** The phone as normalised (shared/phone.ts): the person's own copy shows it in full. */
  phone: string;
  generatedAt: string;
  cases: PersonCase[];
  slips: PersonSlip[];
  followUps: PersonFollowUp[];
  attachments: PersonAttachment[];
  drafts: PersonDraft[];
}

/** What personalData.export returns: the PDF and the JSON file, both named for the download or the save dialog. */
export interface PersonDataExport {
  pdfBase64: string;
  pdfFileName: string;
  json: string;
  jsonFileName: string;
}
