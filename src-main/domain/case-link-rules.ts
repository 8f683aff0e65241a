// Who may link, unlink, merge and undo a merge (issue 22), and on which cases. Pure: each check returns the
// refusal (code, zh, en) or null. Invariants: a merged duplicate is status filed with mergedInto set; it is
// never linked, unlinked or merged again until the merge is undone; a chain (A→B→C) never forms.
import type { CaseRecord } from '../shared/types';
import type { LinkAction } from '../shared/case-links';
import { CASE_STATUS_LABELS } from '../shared/i18n/vocabulary';
import type { Actor } from './case-machine';
import { can } from './permissions';

export interface LinkRefusal {
  code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'CONFLICT';
  zh: string;
  en: string;
  field?: string;
}

type LinkFacts = Pick<CaseRecord, 'id' | 'number' | 'status' | 'matterId' | 'mergedInto' | 'mergedIntoNumber'>;

const no = (code: LinkRefusal['code'], zh: string, en: string, field?: string): LinkRefusal => ({
  code,
  zh,
  en,
  ...(field ? { field } : {}),
});

export function roleRefusal(actor: Pick<Actor, 'role'>, action: LinkAction): LinkRefusal | null {
  if (action === 'undo_merge')
    return can(actor.role, 'merge_undo')
      ? null
      : no('FORBIDDEN', '只有值班主管或店长可以撤销合并', 'Only a supervisor or the manager may undo a merge');
  if (can(actor.role, 'case_link')) return null;
  return action === 'merge'
    ? no(
        'FORBIDDEN',
        '您的角色无权合并个案(须秘书室或以上)',
        'Your role may not merge cases (secretary office and above)',
      )
    : no(
        'FORBIDDEN',
        '您的角色无权关联个案(须秘书室或以上)',
        'Your role may not link cases (secretary office and above)',
      );
}

const mergedAlready = (c: LinkFacts, field?: string): LinkRefusal =>
  no(
    'INVALID_TRANSITION',
    `个案 ${c.number} 已作为重复个案并入 ${c.mergedIntoNumber ?? ''},请先撤销合并`,
    `Case ${c.number} is merged into ${c.mergedIntoNumber ?? ''} as a duplicate; undo the merge first`,
    field,
  );

/**
 * A case that may join a matter. Not a 不予受理 case: the branch did not take the matter on, and counting it
 * in a matter would count a complaint the summary does not handle (reopen it first).
 */
export function linkCaseRefusal(c: LinkFacts): LinkRefusal | null {
  if (c.mergedInto) return mergedAlready(c, 'caseIds');
  if (c.status === 'not_accepted')
    return no(
      'INVALID_TRANSITION',
      `个案 ${c.number} 不予受理,不能关联(如需处理请先重新打开)`,
      `Case ${c.number} was not accepted and cannot be linked (reopen it first)`,
      'caseIds',
    );
  return null;
}

/** The merge of `d` (the duplicate) into `p` (the primary); `customersDiffer` from sameCustomer below. */
export function mergeRefusal(
  d: LinkFacts,
  p: LinkFacts,
  customersDiffer: boolean,
  differentCustomerConfirmed: boolean,
): LinkRefusal | null {
  if (d.id === p.id)
    return no('INVALID_TRANSITION', '不能把个案并入其自身', 'A case cannot be merged into itself', 'primaryId');
  if (d.mergedInto) return mergedAlready(d, 'duplicateId');
  if (p.mergedInto)
    return no(
      'INVALID_TRANSITION',
      `个案 ${p.number} 本身已并入 ${p.mergedIntoNumber ?? ''},请并入 ${p.mergedIntoNumber ?? ''}`,
      `Case ${p.number} is itself merged into ${p.mergedIntoNumber ?? ''}; merge into ${p.mergedIntoNumber ?? ''}`,
      'primaryId',
    );
  if (d.status === 'filed' || d.status === 'not_accepted') {
    const s = CASE_STATUS_LABELS[d.status];
    return no(
      'INVALID_TRANSITION',
      `个案 ${d.number} 已“${s.zh}”,不能作为重复个案合并`,
      `Case ${d.number} is ${s.en.toLowerCase()} and cannot be merged as a duplicate`,
      'duplicateId',
    );
  }
  if (p.status === 'filed' || p.status === 'not_accepted') {
    const s = CASE_STATUS_LABELS[p.status];
    return no(
      'INVALID_TRANSITION',
      `个案 ${p.number} 已“${s.zh}”,不能并入(请先重新打开)`,
      `Case ${p.number} is ${s.en.toLowerCase()}; nothing can be merged into it (reopen it first)`,
      'primaryId',
    );
  }
  if (d.matterId && d.matterId !== p.matterId)
    return no(
      'CONFLICT',
      `个案 ${d.number} 已与其他个案关联为另一事项,请先解除关联`,
      `Case ${d.number} is linked in another matter; unlink it first`,
      'duplicateId',
    );
  if (customersDiffer && !differentCustomerConfirmed)
    return no(
      'CONFLICT',
      '两个个案的顾客电话或姓名不同:确认是同一事项后才能合并',
      "The two cases' customer phone or name differ: confirm they are one matter to merge",
      'differentCustomerConfirmed',
    );
  return null;
}

/** A mistaken merge undone: only on a duplicate merged now. */
export function undoMergeRefusal(d: LinkFacts): LinkRefusal | null {
  if (d.mergedInto) return null;
  return no(
    'INVALID_TRANSITION',
    `个案 ${d.number} 未被合并,无需撤销`,
    `Case ${d.number} is not merged; there is nothing to undo`,
    'duplicateId',
  );
}

/** The link actions `actor` may take on `c` now (the case screen shows only these). */
export function linkActionsFor(actor: Pick<Actor, 'role'>, c: LinkFacts): LinkAction[] {
  const out: LinkAction[] = [];
  if (!roleRefusal(actor, 'link') && !linkCaseRefusal(c)) out.push('link');
  if (!roleRefusal(actor, 'unlink') && c.matterId && !c.mergedInto) out.push('unlink');
  if (!roleRefusal(actor, 'merge') && !c.mergedInto && c.status !== 'not_accepted') out.push('merge');
  if (!roleRefusal(actor, 'undo_merge') && !undoMergeRefusal(c)) out.push('undo_merge');
  return out;
}
