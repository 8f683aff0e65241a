// The link actions shown blocked on a case, with the reason (as the case's other blocked actions are): main's
// CaseView.linkActions lists only those allowed; the reasons come from the same pure rules main applies
// (domain/case-link-rules.ts). An action that means nothing here (unlink a case alone, undo on a case never
// merged) is not shown at all.
import { linkCaseRefusal, type LinkRefusal, mergeRefusal, roleRefusal } from '../../../src-main/domain/case-link-rules';
import type { LinkAction } from '../../../src-main/shared/case-links';
import type { Bilingual } from '../../../src-main/shared/errors';
import type { Role } from '../../../src-main/shared/enums';
import type { CaseView } from '../../../src-main/shared/types';

export interface BlockedLink {
  action: LinkAction;
  reason: Bilingual;
}

const words = (r: LinkRefusal): Bilingual => ({ zh: r.zh, en: r.en });

/**
 * `candidates`: whether there is anything to link or merge with (a suggestion, a linked case). Without one, a role
 * that may not link, or a filed case, is not told so on every case it opens; a merged or 不予受理 case always is.
 */
export function blockedLinkActions(role: Role, c: CaseView, candidates: boolean): BlockedLink[] {
  const facts = {
    id: c.id,
    number: c.number,
    status: c.status,
    matterId: c.matterId,
    mergedInto: c.mergedIntoCase?.caseId ?? null,
    mergedIntoNumber: c.mergedIntoCase?.number ?? null,
  };
  const out: BlockedLink[] = [];
  const add = (action: LinkAction, r: LinkRefusal | null) => {
    if (r && !c.linkActions.includes(action)) out.push({ action, reason: words(r) });
  };
  // The case's own state first: the role does not matter while the case cannot take part at all.
  const state = linkCaseRefusal(facts);
  const byRole = (a: LinkAction) => (candidates ? roleRefusal({ role }, a) : null);
  add('link', state ?? byRole('link'));
  // A filed case (not a merged duplicate) is neither merged nor merged into: main says so, reopen it first.
  const filed =
    candidates && c.status === 'filed' && !c.mergedIntoCase
      ? mergeRefusal(facts, { ...facts, id: '' }, false, false)
      : null;
  add('merge', state ?? filed ?? byRole('merge'));
  if (filed && c.linkActions.includes('merge')) out.push({ action: 'merge', reason: words(filed) });
  if (c.matterId && !c.mergedIntoCase) add('unlink', roleRefusal({ role }, 'unlink'));
  if (c.mergedIntoCase || c.mergedFrom.length > 0) add('undo_merge', roleRefusal({ role }, 'undo_merge'));
  return out;
}
