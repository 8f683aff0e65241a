// Roles and permissions (SPEC §11). The table is the single source for every role check.
import type { Role } from '../shared/enums';

export const ABILITIES = {
  intake: ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'],
  note: ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'],
  promise: ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'],
  print: ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'],
  resolve: ['unit_staff', 'secretary', 'supervisor', 'manager'],
  extend: ['unit_staff', 'secretary', 'supervisor', 'manager'],
  forward: ['secretary', 'supervisor', 'manager'],
  /** 不予受理 (SPEC §12): the secretary office decides, or the manager. */
  decline: ['secretary', 'manager'],
  feedback: ['secretary', 'supervisor', 'manager'],
  follow_up: ['secretary', 'supervisor', 'manager'],
  escalate: ['secretary', 'supervisor', 'manager'],
  resume: ['secretary', 'supervisor', 'manager'],
  finding: ['secretary', 'supervisor', 'manager'],
  typical: ['secretary', 'supervisor', 'manager'],
  submit: ['secretary', 'supervisor', 'manager'],
  file: ['secretary', 'supervisor', 'manager'],
  /** 纠正预防措施 (issue 18 §1): set on a founded case by those who record the finding. */
  corrective_action: ['secretary', 'supervisor', 'manager'],
  /** 效果确认: a supervisor or the manager confirms an action's effect, or sends it back. */
  corrective_confirm: ['supervisor', 'manager'],
  /** The per-staff and per-unit view of founded complaints and their actions (monthly appraisal, seed 001). */
  capa_accounts: ['manager'],
  review: ['manager'],
  reopen: ['supervisor', 'manager'],
  read_anonymous: ['secretary', 'supervisor', 'manager'],
  admin: ['manager'],
  /** The weekly/monthly summary (SPEC §8): the people who answer for the branch's handling. */
  reports: ['secretary', 'supervisor', 'manager'],
  /** The training library of typical cases, for every member of staff (SPEC §3). */
  training: ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'],
  /** Approving a typical case's training text before it enters the library (issue 17 §6): the secretary office. */
  training_approve: ['secretary'],
  /** Evidence (issue 19): ID copies and recordings are opened, and named, only by the secretary office, supervisors, the manager. */
  attachment_restricted: ['secretary', 'supervisor', 'manager'],
  /** Voiding an attachment (with a reason); whoever added it may also void it on the same business day. */
  attachment_void: ['secretary', 'supervisor', 'manager'],
  /** A person's deletion request (issue 20 §3): their data anonymised early, by the secretary office or the manager. */
  anonymise_person: ['secretary', 'manager'],
  /** A person's request for the data held about them (issue 20 §3): the secretary office and the manager answer it. */
  person_request: ['secretary', 'manager'],
  /** Issue 22: cases of one matter linked, unlinked, a duplicate merged — the secretary office and above. */
  case_link: ['secretary', 'supervisor', 'manager'],
  /** Issue 22: a mistaken merge undone, with a reason — a supervisor or the manager. */
  merge_undo: ['supervisor', 'manager'],
} as const satisfies Record<string, readonly Role[]>;
export type Ability = keyof typeof ABILITIES;

export const can = (role: Role, ability: Ability): boolean => (ABILITIES[ability] as readonly Role[]).includes(role);

/** Unit staff act only on cases of their own unit (SPEC §11 "resolve a case of own unit"). */
export function actsForUnit(
  actor: { role: Role; unitId: string | null },
  c: { handlingUnitId: string | null; complainedUnitId: string | null },
): boolean {
  if (actor.role !== 'unit_staff') return true;
  const unit = c.handlingUnitId ?? c.complainedUnitId;
  return unit !== null && unit === actor.unitId;
}
