// 纠正预防措施 (issue 18 §1): a corrective and preventive action on a founded case, as stored and shown.

/** open → done → confirmed; a send-back (退回) returns a done action to open. */
export const CAPA_STATES = ['open', 'done', 'confirmed'] as const;
export type CapaState = (typeof CAPA_STATES)[number];

/**
 * One action. Exactly one of responsibleUserId / responsibleUnitId is set; names are kept as they
 * were when written, so head office and the printed record read them without the branch's staff list.
 */
export interface CorrectiveAction {
  id: string;
  caseId: string;
  responsibleUserId: string | null;
  responsibleUnitId: string | null;
  responsibleName: string;
  actionText: string;
  /** The due date typed in the branch's time zone, and its close of business as a UTC instant. */
  dueDate: string;
  dueAt: number;
  state: CapaState;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  doneAt: number | null;
  doneBy: string | null;
  doneByName: string | null;
  doneNote: string | null;
  confirmedAt: number | null;
  confirmedBy: string | null;
  confirmedByName: string | null;
  confirmNote: string | null;
  /** The latest send-back, and how many there were. */
  returnedAt: number | null;
  returnedByName: string | null;
  returnReason: string | null;
  returnCount: number;
  version: number;
}

/** Overdue: not done by its due instant (done late counts too, once the due instant has passed). */
export const isCapaOverdue = (a: Pick<CorrectiveAction, 'dueAt' | 'doneAt'>, now: number): boolean =>
  a.dueAt < now && (a.doneAt === null || a.doneAt > a.dueAt);

/** A row of the queue of open and unconfirmed actions. */
export interface CapaQueueRow extends CorrectiveAction {
  caseNumber: string;
  overdue: boolean;
}

/** The manager's per-staff / per-unit view: complaints founded against them and their actions. */
export interface CapaAccountRow {
  kind: 'staff' | 'unit';
  /** Staff number or unit id. */
  key: string;
  name: string;
  founded: number;
  partlyFounded: number;
  open: number;
  done: number;
  confirmed: number;
  overdue: number;
}
