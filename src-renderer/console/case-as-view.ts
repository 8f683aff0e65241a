// The branch's case record as the branch's case-screen groups read it (CaseView), made from the
// snapshot head office received: absent fields as null, the branch-only parts (what this viewer
// may do, follow-up proposals) empty, and the customer's phone masked as everywhere at head office.
import type { CaseDetail } from '../../src-headoffice/console/api-contract';
import { caseRecordOf, followUpOf } from '../../src-headoffice/console/case-record-of';
import type { CaseView } from '../../src-main/shared/types';

/** The ids the record carries: a reviewer sees a name, or `unknown` where the branch sent none (never the id). */
function namesFor(d: CaseDetail, unknown: string): Record<string, string> {
  const c = d.case;
  const ids = [
    c.receivedBy,
    c.assigneeId,
    c.resolvedBy,
    c.complainedUnitId,
    c.handlingUnitId,
    c.reviewedBy,
    c.filedBy,
    c.declinedBy,
    ...c.escalations.map((e) => e.byUser),
    ...c.promises.flatMap((p) => [p.madeBy, p.answeredBy]),
  ];
  const names: Record<string, string> = { ...d.names };
  for (const id of ids) if (id && !(id in names)) names[id] = unknown;
  return names;
}

export function caseAsView(d: CaseDetail, unknown: string): CaseView {
  const c = d.case;
  return {
    ...caseRecordOf(c),
    contentHidden: false,
    signOff: 'none',
    followUps: d.followUps.map(followUpOf),
    followUpProposals: [],
    unreachableAttemptsToFile: 0,
    followUpAssignees: [],
    customerCases: [],
    due: null,
    allowedActions: [],
    blockedActions: [],
    actionTargets: {},
    names: namesFor(d, unknown),
    slips: [],
    // The branch's reveal channel is not head office's: the console's own reveal sits beside this view.
    personalData: { masked: true, mayReveal: false },
    // Issue 22: the branch's matter as its snapshot says; the linked cases and merged duplicates are the branch's view.
    matterId: c.matterId ?? null,
    linkedCases: [],
    mergedIntoCase: null,
    mergedFrom: [],
    linkActions: [],
  };
}
