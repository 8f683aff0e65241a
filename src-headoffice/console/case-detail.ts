// GET /cases/:branch/:id: the newest snapshot head office holds, its history from the synced
// audit records (the case's and its slips' and follow-ups'), slips, follow-ups and the
// instructions head office sent. Every payload is parsed with its sync-contract schema; a slip,
// follow-up or audit record that does not parse is left out of the page (it stays stored).
import { refuse } from '../../src-main/shared/errors';
import { SNAPSHOT_REF } from '../../src-main/shared/sync-format';
import {
  AuditRecordSnapshot,
  CaseRecordSnapshot,
  FollowUpRecordSnapshot,
  SlipRecordSnapshot,
  SnapshotRef,
  UnitRecordSnapshot,
} from '../../src-main/sync/record-snapshots';
import type { InstructionKind } from '../../src-main/shared/instruction-versions';
import type { HqStore } from '../store';
import type { CaseDetail, CaseHistoryEntry, ConsoleInstruction } from './api-contract';
import { readSnapshot } from './snapshots';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export type InstructionRow = {
  instructionId: string;
  text: string;
  reviewerName: string;
  instructedAt: string;
  kind?: InstructionKind | null | undefined;
  reason?: string | null | undefined;
  supersedes?: string | null | undefined;
};

/** The case's newest snapshot, or null when head office holds none that parses. */
export async function caseSnapshotOf(
  store: HqStore,
  branch: string,
  id: string,
): Promise<{ snapshot: CaseRecordSnapshot | null; version: number; importedAt: number } | null> {
  const c = await store.get<{ payload: string; version: number; imported_at: number }>(
    "SELECT payload, version, imported_at FROM records WHERE branch = ? AND type = 'case' AND id = ?",
    [branch, id],
  );
  return c
    ? { snapshot: readSnapshot(CaseRecordSnapshot, c.payload), version: c.version, importedAt: c.imported_at }
    : null;
}

export const consoleInstruction = (i: InstructionRow, snapshot: CaseRecordSnapshot | null): ConsoleInstruction => ({
  instructionId: i.instructionId,
  text: i.text,
  reviewerName: i.reviewerName,
  instructedAt: i.instructedAt,
  appliedByBranch: snapshot?.instructions.some((x) => x.id === i.instructionId) ?? false,
  kind: i.kind ?? 'instruction',
  reason: i.reason ?? null,
  supersedes: i.supersedes ?? null,
});

/** A record the history may show as the "after" of its creation. */
type Shown = Record<string, unknown> & { version: number };

export async function caseDetail(store: HqStore, branch: string, id: string): Promise<CaseDetail> {
  const c = await caseSnapshotOf(store, branch, id);
  if (!c)
    throw refuse(
      'NOT_FOUND',
      `总部没有门店 ${branch} 的这个个案`,
      `Head office holds no such case of branch ${branch}`,
    );
  const snapshot = c.snapshot;
  // Stored as sent, but not a case snapshot this console can read (the list does not show it either when its facts do not parse).
  if (!snapshot)
    throw refuse(
      'NOT_FOUND',
      `门店 ${branch} 发来的这个个案的数据无法读取`,
      `The data branch ${branch} sent for this case cannot be read`,
    );
  const children = await store.all<{ type: string; id: string; payload: string }>(
    "SELECT type, id, payload FROM records WHERE branch = ? AND parent_id = ? AND type IN ('slip', 'follow_up') ORDER BY rid",
    [branch, id],
  );
  const slips: SlipRecordSnapshot[] = [];
  const followUps: FollowUpRecordSnapshot[] = [];
  const current = new Map<string, Shown>([[`case/${id}`, snapshot]]);
  for (const x of children) {
    if (x.type === 'slip') {
      const slip = readSnapshot(SlipRecordSnapshot, x.payload);
      if (slip) {
        slips.push(slip);
        current.set(`slip/${x.id}`, slip);
      }
    } else {
      const followUp = readSnapshot(FollowUpRecordSnapshot, x.payload);
      if (followUp) {
        followUps.push(followUp);
        current.set(`follow_up/${x.id}`, followUp);
      }
    }
  }
  const ids = [id, ...children.map((x) => x.id)];
  const audits = await store.all<{ payload: string }>(
    `SELECT payload FROM records WHERE branch = ? AND type = 'audit' AND parent_id IN (${placeholders(ids.length)})`,
    [branch, ...ids],
  );
  const parsedAudits = audits.map((a) => readSnapshot(AuditRecordSnapshot, a.payload)).filter((a) => a !== null);
  const history = parsedAudits
    .map((a): CaseHistoryEntry => {
      let after: Record<string, unknown> | null = a.after ?? null;
      // A creation refers to the snapshot sent with it: shown when head office still holds that version.
      if (after && SNAPSHOT_REF in after) {
        const ref = SnapshotRef.safeParse(after[SNAPSHOT_REF]);
        const snap = ref.success ? current.get(`${ref.data.type}/${ref.data.id}`) : undefined;
        after = snap && ref.success && snap.version === ref.data.version ? snap : null;
      }
      return {
        id: a.id,
        at: a.at,
        actorName: a.actorName,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        before: a.before ?? null,
        after,
      };
    })
    .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1));
  const instructions = await store.all<InstructionRow>(
    'SELECT id AS "instructionId", text, reviewer_name AS "reviewerName", instructed_at AS "instructedAt", kind, reason, supersedes FROM instructions WHERE branch = ? AND case_id = ? ORDER BY seq',
    [branch, id],
  );
  const names = await branchNames(store, branch, parsedAudits, slips);
  const age = await dataAge(store, branch);
  return {
    branch,
    case: snapshot,
    version: c.version,
    importedAt: c.importedAt,
    history,
    slips,
    followUps,
    instructions: instructions.map((i) => consoleInstruction(i, snapshot)),
    names,
    ...age,
  };
}

/** This branch's names for ids: its units, and staff as its audit records and slips name them (ids are per branch). */
async function branchNames(
  store: HqStore,
  branch: string,
  audits: AuditRecordSnapshot[],
  slips: SlipRecordSnapshot[],
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const a of audits) if (a.actorId) names[a.actorId] = a.actorName;
  for (const s of slips) {
    names[s.handledBy] = s.handledByName;
    if (s.approvedBy && s.approvedByName) names[s.approvedBy] = s.approvedByName;
  }
  const units = await store.all<{ payload: string }>("SELECT payload FROM records WHERE branch = ? AND type = 'unit'", [
    branch,
  ]);
  for (const u of units) {
    const unit = readSnapshot(UnitRecordSnapshot, u.payload);
    if (unit) names[unit.id] = unit.name;
  }
  return names;
}

/** When head office last heard from the branch, and its newest case's receipt time (both indexed look-ups). */
async function dataAge(
  store: HqStore,
  branch: string,
): Promise<{ lastBatchAt: number | null; newestCaseAt: number | null }> {
  const batch = await store.get<{ received_at: number }>(
    'SELECT received_at FROM batches WHERE branch = ? ORDER BY id DESC LIMIT 1',
    [branch],
  );
  const newest = await store.get<{ received_at: number | null }>(
    'SELECT received_at FROM hq_cases WHERE branch = ? ORDER BY received_at DESC LIMIT 1',
    [branch],
  );
  return {
    lastBatchAt: batch ? Number(batch.received_at) : null,
    newestCaseAt: newest?.received_at != null ? Number(newest.received_at) : null,
  };
}
