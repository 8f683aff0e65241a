// Approves a typical case's training text as the secretary's draft proposes it (the redacted text), for tests
// that need a case in the training library, and the edit input of a text.
import { approveDrafted } from '../../src-main/services/training-approval';
import { type TrainingText, wordsOf } from '../../src-main/shared/training-sheet-types';
import type { TestStore } from './store';

/** The edit input that approves this text unchanged. */
export const asInput = (caseId: string, t: TrainingText) => ({ caseId, ...wordsOf(t) });

export const approveAsDrafted = (st: TestStore, caseId: string) => approveDrafted(st.ctx, st.users.secretary, caseId);
