// Issue 22 (contract commit): link, unlink, merge, undo — the services follow in the next commit.
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { LinkCasesInput, MergeCasesInput, UndoMergeInput, UnlinkCaseInput } from '../shared/schemas/case-links';
import type { CaseRecord } from '../shared/types';
import type { ServiceContext } from './context';
import { withInput } from './with-input';

const notYet = (): CaseRecord => {
  throw refuse('INVALID_TRANSITION', '尚未提供', 'Not available yet');
};
export const linkCases = withInput(LinkCasesInput, (_c: ServiceContext, _a: Actor, _i: unknown) => notYet());
export const unlinkCase = withInput(UnlinkCaseInput, (_c: ServiceContext, _a: Actor, _i: unknown) => notYet());
export const mergeCases = withInput(MergeCasesInput, (_c: ServiceContext, _a: Actor, _i: unknown) => notYet());
export const undoMerge = withInput(UndoMergeInput, (_c: ServiceContext, _a: Actor, _i: unknown) => notYet());
