// GET /cases/:branch/:id: the newest snapshot head office holds, its history from the synced
// audit records (the case's and its slips' and follow-ups'), slips, follow-ups and the
// instructions head office sent.
import { refuse } from '../../src-main/shared/errors';
import { SNAPSHOT_REF } from '../../src-main/shared/sync-format';
import type { HqStore } from '../store';
import type { CaseDetail, CaseHistoryEntry, CaseSnapshot, ConsoleInstruction } from './api-contract';

type Obj = Record<string, unknown>;
const parse = (s: string): Obj => JSON.parse(s) as Obj;
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export type InstructionRow = { instructionId: string; text: string; reviewerName: string; instructedAt: string };

export const consoleInstruction = (i: InstructionRow, snapshot: Obj | null): ConsoleInstruction => ({
  instructionId: i.instructionId,
  text: i.text,
  reviewerName: i.reviewerName,
  instructedAt: i.instructedAt,
  appliedByBranch: Array.isArray(snapshot?.instructions) && (snapshot.instructions as Obj[]).some((x) => x?.id === i.instructionId),
});

export async function caseDetail(store: HqStore, branch: string, id: string): Promise<CaseDetail> {
  const c = await store.get<{ payload: string; version: number; imported_at: number }>("SELECT payload, version, imported_at FROM records WHERE branch = ? AND type = 'case' AND id = ?", [branch, id]);
  if (!c) throw refuse('NOT_FOUND', `总部没有门店 ${branch} 的这个个案`, `Head office holds no such case of branch ${branch}`);
  const snapshot = parse(c.payload);
  const children = await store.all<{ type: string; id: string; payload: string }>(
    "SELECT type, id, payload FROM records WHERE branch = ? AND parent_id = ? AND type IN ('slip', 'follow_up') ORDER BY rid",
    [branch, id],
  );
  const ids = [id, ...children.map((x) => x.id)];
  const audits = await store.all<{ payload: string }>(`SELECT payload FROM records WHERE branch = ? AND type = 'audit' AND parent_id IN (${placeholders(ids.length)})`, [branch, ...ids]);
  const current = new Map<string, Obj>([[`case/${id}`, snapshot], ...children.map((x) => [`${x.type}/${x.id}`, parse(x.payload)] as [string, Obj])]);
  const history = audits
    .map((a) => parse(a.payload))
    .map((a): CaseHistoryEntry => {
      let after = (a.after as Obj | null) ?? null;
      // A creation refers to the snapshot sent with it: shown when head office still holds that version.
      const ref = after?.[SNAPSHOT_REF] as { type?: string; id?: string; version?: number } | undefined;
      if (ref) {
        const snap = current.get(`${ref.type}/${ref.id}`);
        after = snap && snap.version === ref.version ? snap : null;
      }
      return {
        id: String(a.id),
        at: Number(a.at),
        actorName: String(a.actorName ?? ''),
        action: String(a.action ?? ''),
        entity: String(a.entity ?? ''),
        entityId: String(a.entityId ?? ''),
        before: (a.before as Obj | null) ?? null,
        after,
      };
    })
    .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1));
  const instructions = await store.all<InstructionRow>(
    'SELECT id AS "instructionId", text, reviewer_name AS "reviewerName", instructed_at AS "instructedAt" FROM instructions WHERE branch = ? AND case_id = ? ORDER BY seq',
    [branch, id],
  );
  return {
    branch,
    case: snapshot as CaseSnapshot,
    version: c.version,
    importedAt: c.imported_at,
    history,
    slips: children.filter((x) => x.type === 'slip').map((x) => current.get(`slip/${x.id}`) as Obj),
    followUps: children.filter((x) => x.type === 'follow_up').map((x) => current.get(`follow_up/${x.id}`) as Obj),
    instructions: instructions.map((i) => consoleInstruction(i, snapshot)),
  };
}
