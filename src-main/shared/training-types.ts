// The training library (典型范例, SPEC §3): typical cases as new staff read them. Built in main
// without the customer's name, phone, other contact, receipt number or the government
// body's contact person and phone — these fields do not exist here at all.
import type {
  Cause,
  Channel,
  EscalationKind,
  Finding,
  GovernmentBody,
  ResolutionType,
  Satisfaction,
  Severity,
} from './enums';

export interface TrainingCaseRow {
  id: string;
  number: string;
  receivedAt: number;
  channel: Channel;
  categoryCode: string;
  categoryName: { zh: string; en: string };
  finding: Finding | null;
  resolutionType: ResolutionType | null;
  /** The first words of the objection, identifiers masked; null where the reader may not see it. */
  excerpt: string | null;
}

export interface TrainingCase extends Omit<TrainingCaseRow, 'excerpt'> {
  severity: Severity;
  govBody: GovernmentBody | null;
  complainedUnitName: string | null;
  handlingUnitName: string | null;
  purchaseItems: string[];
  purchaseAmountFen: number | null;
  /** In the customer's words, identifiers masked; null for an anonymous case the reader may not see. */
  content: string | null;
  expectedResolution: string | null;
  resolutionSummary: string | null;
  resolutionAmountFen: number | null;
  satisfaction: Satisfaction | null;
  disputed: boolean;
  cause: Cause | null;
  escalations: { kind: EscalationKind; note: string; outcome: string | null; at: number }[];
  /** Handling notes of the timeline, in order, identifiers masked. */
  notes: { at: number; text: string }[];
  instructions: { text: string; at: number }[];
  reviewText: string | null;
  /** The secretary who approved the training text, and when: the library shows only approved text. */
  approvedByName: string;
  approvedAt: number;
}
