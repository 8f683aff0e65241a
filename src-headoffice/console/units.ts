// GET /units: every branch's units as (branch, unit), keyed "SH01/<unit id>" and named by
// branch — two branches may share unit ids (a store cloned from another) and stay apart.
import { UnitRecordSnapshot } from '../../src-main/sync/record-snapshots';
import type { HqQuery } from '../store';
import { type UnitOption, unitKeyOf } from './api-contract';
import { readSnapshot } from './snapshots';

export async function listUnits(store: HqQuery): Promise<UnitOption[]> {
  const rows = await store.all<{ branch: string; id: string; payload: string }>(
    "SELECT branch, id, payload FROM records WHERE type = 'unit' ORDER BY branch, id",
  );
  const out: UnitOption[] = [];
  for (const r of rows) {
    const u = readSnapshot(UnitRecordSnapshot, r.payload);
    if (u) out.push({ key: unitKeyOf(r.branch, r.id), branch: r.branch, unitId: r.id, name: u.name, active: u.active });
  }
  return out.sort((a, b) =>
    a.branch === b.branch ? a.name.localeCompare(b.name, 'zh-CN') : a.branch < b.branch ? -1 : 1,
  );
}
