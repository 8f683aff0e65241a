// Cases of one matter (issue 22): the types of a matter (linked cases), a merge (duplicate → primary),
// the suggestions of likely cases of the same matter, and the words of their timeline events.
import type { AttachmentView } from './attachment-types';
import type { Bilingual } from './errors';
import type { CaseStatus, Channel, GovernmentBody } from './enums';
import type { CaseEvent, CasePromise, SlipRow } from './types';

/** Why a case was suggested: same phone (normalised), same name, same receipt key, same item key, similar content. */
export type MatchReason = 'phone' | 'name' | 'receipt' | 'item' | 'content';
export const MATCH_REASONS: readonly MatchReason[] = ['phone', 'name', 'receipt', 'item', 'content'];

/** The weight each reason adds to a suggestion's score (ranked by score, then newest first). */
export const MATCH_WEIGHTS: Record<MatchReason, number> = { phone: 40, receipt: 30, item: 15, name: 10, content: 10 };

/** One suggested case (cases.suggestMatches): open or received within SUGGEST_DAYS, never the case itself. */
export interface MatchSuggestion {
  caseId: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  receivedAt: number;
  /** Sum of MATCH_WEIGHTS of its reasons (content: scaled by similarity, at most its weight). */
  score: number;
  /** Never empty, in the order of MATCH_REASONS. */
  reasons: MatchReason[];
  /** Already in the same matter as the case asked about (shown, not offered to link again). */
  sameMatter: boolean;
  /** Its matter, if it is in one (linking it joins that matter). */
  matterId: string | null;
}
export const SUGGEST_DAYS = 90;
export const MAX_SUGGESTIONS = 10;

/** Another case of the same matter, as the case screen lists it: each keeps its number, status and deadline. */
export interface LinkedCase {
  id: string;
  number: string;
  status: CaseStatus;
  channel: Channel;
  govBody: GovernmentBody | null;
  receivedAt: number;
  /** Its own deadline (a 12315 case keeps its body's); null when closed. */
  dueAt: number | null;
  overdue: boolean;
  /** Merged into another case of the matter (closed as 重复): that case's number. */
  mergedIntoNumber: string | null;
}

/** The pointer a merged duplicate carries (closed as 重复: status filed, filingReason 'duplicate'). */
export interface MergedInto {
  caseId: string;
  number: string;
  at: number;
  byName: string;
  reason: string;
  /** The customers differed (phone or name) and whoever merged confirmed it was one matter anyway. */
  differentCustomerConfirmed: boolean;
}

/** A duplicate merged into this case: its records referenced, not copied ("from SH01-…"). */
export interface MergedFrom {
  caseId: string;
  number: string;
  channel: Channel;
  govBody: GovernmentBody | null;
  receivedAt: number;
  at: number;
  byName: string;
  reason: string;
  /** The status it had when merged (undo returns it there). */
  statusBefore: CaseStatus;
  /** Its notes (timeline events of kind note). */
  notes: CaseEvent[];
  /** Its promises: answered ones stay on it; the open ones moved to this case (also in this case's promises, movedPromiseIds). */
  promises: CasePromise[];
  movedPromiseIds: string[];
  /** Its handling limit carried to this case (a 12315 body's deadline), while this case has not fed back; null when none. */
  carriedDueAt: number | null;
  attachments: AttachmentView[];
  slips: SlipRow[];
}

/** The link actions the viewer may take on this case now (CaseView.linkActions). */
export type LinkAction = 'link' | 'unlink' | 'merge' | 'undo_merge';

/** What a case view adds for issue 22 (CaseView extends it). */
export interface CaseLinksView {
  /** The matter's id when the case is linked with others; null when alone. */
  matterId: string | null;
  /** The other cases of its matter, oldest first (empty when alone). */
  linkedCases: LinkedCase[];
  /** A merged duplicate's pointer with who, when and why (CaseRecord.mergedInto is the primary's id alone). */
  mergedIntoCase: MergedInto | null;
  mergedFrom: MergedFrom[];
  linkActions: LinkAction[];
}

/** Timeline event kinds of issue 22 (case_events.kind) and their words. */
export const CASE_LINK_EVENTS = ['link', 'unlink', 'merge', 'merged_from', 'undo_merge', 'merge_undone'] as const;
export type CaseLinkEvent = (typeof CASE_LINK_EVENTS)[number];
export const isLinkEvent = (k: string): k is CaseLinkEvent => (CASE_LINK_EVENTS as readonly string[]).includes(k);
export const CASE_LINK_EVENT_LABELS: Record<CaseLinkEvent, Bilingual> = {
  link: { zh: '关联为同一事项', en: 'Linked as one matter' },
  unlink: { zh: '解除关联', en: 'Unlinked' },
  merge: { zh: '合并为重复个案', en: 'Merged as a duplicate' },
  merged_from: { zh: '并入重复个案', en: 'Duplicate merged in' },
  undo_merge: { zh: '撤销合并', en: 'Merge undone' },
  merge_undone: { zh: '重复个案撤销合并', en: 'Merged duplicate taken back' },
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const numbersOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [];

/**
 * An issue 22 event's name with the other case's number, from what its data records (the event's
 * own text is the user's note or reason alone): "作为重复个案并入 SH01-26-11-0003".
 */
export function linkEventLabel(kind: CaseLinkEvent, data: Record<string, unknown> | null | undefined): Bilingual {
  const d = data ?? {};
  const primary = str(d.primaryNumber);
  const duplicate = str(d.duplicateNumber);
  switch (kind) {
    case 'link': {
      const n = numbersOf(d.numbers);
      if (n.length === 0) return CASE_LINK_EVENT_LABELS.link;
      return { zh: `关联为同一事项:${n.join('、')}`, en: `Linked as one matter: ${n.join(', ')}` };
    }
    case 'unlink':
      return d.withNumber
        ? {
            zh: `${str(d.withNumber)} 解除关联,事项仅余本案`,
            en: `${str(d.withNumber)} unlinked; no other case is left in the matter`,
          }
        : CASE_LINK_EVENT_LABELS.unlink;
    case 'merge':
      return primary
        ? { zh: `作为重复个案并入 ${primary}`, en: `Merged as a duplicate into ${primary}` }
        : CASE_LINK_EVENT_LABELS.merge;
    case 'merged_from':
      return duplicate
        ? { zh: `${duplicate} 作为重复个案并入本案`, en: `${duplicate} merged in as a duplicate` }
        : CASE_LINK_EVENT_LABELS.merged_from;
    case 'undo_merge':
      return primary
        ? { zh: `撤销并入 ${primary}`, en: `Merge into ${primary} undone` }
        : CASE_LINK_EVENT_LABELS.undo_merge;
    case 'merge_undone':
      return duplicate
        ? { zh: `${duplicate} 撤销合并,退出本案`, en: `Merge of ${duplicate} undone; taken back` }
        : CASE_LINK_EVENT_LABELS.merge_undone;
  }
}
