// The repeat-complainant threshold (SPEC §9, issue 18 §3): unfounded findings (不属实) in the last
// 12 months, this branch's and other branches' together, from which the intake notice flags the
// customer and a 驳回 (rejection with reason) may be recorded on the case.
export const REPEAT_UNFOUNDED_THRESHOLD = 3;

/** Local and other branches' counts add up: head office counts only the other branches. */
export const reachesThreshold = (local: number, otherBranches: number): boolean =>
  local + otherBranches >= REPEAT_UNFOUNDED_THRESHOLD;
