// A case or slip made on this PC that head office never received, whose number head office
// holds for another record (work done after a restore, before the store knew it was behind):
// during recovery it steps aside, and once the counters continue after head office's numbers
// it takes the next free number, recorded as a change like any other (src-main/sync/README.md).
import type { Db } from '../db/connection';
import { loadCase } from '../db/repositories/case-repo';
import { nextSerial } from '../db/repositories/numbers';
import { loadSlip } from '../db/repositories/slip-repo';
import { stmt, updateRow } from '../db/statements';
import { formatNumber, parseNumber } from '../domain/numbering';
import { addEvent, writeSearchDoc } from '../services/case-store';
import { recordChange } from '../services/changes';
import type { Author, ServiceContext } from '../services/context';

const RECOVERY: Author = { id: null, staffNo: null, name: '从总部恢复 Restore from head office' };
const KEY = 'renumber:';
type Kind = 'case' | 'slip';
const TABLE: Record<Kind, string> = { case: 'cases', slip: 'slips' };

/** Moves a local record off `number` when another record (head office's) is about to take it. */
export function stepAside(db: Db, kind: Kind, number: string, incomingId: string): void {
  const clash = stmt(db, `SELECT id FROM ${TABLE[kind]} WHERE number = ? AND id <> ?`).get(number, incomingId) as
    { id: string } | undefined;
  if (!clash) return;
  stmt(db, `UPDATE ${TABLE[kind]} SET number = ? WHERE id = ?`).run(`${number}~${clash.id}`, clash.id);
  stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(`${KEY}${kind}:${clash.id}`, number);
}

/** Gives every record that stepped aside the next free number of its month; after the counters are raised. */
export function renumberSteppedAside(ctx: ServiceContext, branch: string): number {
  const rows = stmt(ctx.db, 'SELECT key, value FROM sync_state WHERE key >= ? AND key < ?').all(KEY, 'renumber;') as {
    key: string;
    value: string;
  }[];
  for (const r of rows) {
    const [, kind, id] = r.key.split(':') as [string, Kind, string];
    const old = parseNumber(r.value);
    if (!old) continue;
    const number = formatNumber(branch, kind, old.period, nextSerial(ctx.db, branch, old.kindCode, old.period));
    const text = `编号 ${r.value} 与总部已有的编号重复,改为 ${number} / Number ${r.value} repeated one head office holds; now ${number}`;
    if (kind === 'case') {
      const before = loadCase(ctx.db, id);
      if (!before) continue;
      updateRow(ctx.db, 'cases', id, { number, version: before.version + 1, updatedAt: ctx.now() });
      addEvent(ctx, id, RECOVERY, 'note', text);
      const { rid } = stmt(ctx.db, 'SELECT rid FROM cases WHERE id = ?').get(id) as { rid: number };
      writeSearchDoc(ctx, rid, { ...before, number });
      const after = loadCase(ctx.db, id);
      if (after)
        recordChange(ctx, RECOVERY, {
          action: 'case.note',
          entity: 'case',
          entityId: id,
          before: { ...before, number: r.value },
          after: { ...after },
          version: after.version,
          sync: true,
        });
    } else {
      const before = loadSlip(ctx.db, id);
      if (!before) continue;
      updateRow(ctx.db, 'slips', id, { number, version: before.version + 1, updatedAt: ctx.now() });
      const after = loadSlip(ctx.db, id);
      if (after)
        recordChange(ctx, RECOVERY, {
          action: 'slip.renumber',
          entity: 'slip',
          entityId: id,
          before: { ...before, number: r.value },
          after: { ...after },
          version: after.version,
          sync: true,
        });
    }
    stmt(ctx.db, 'DELETE FROM sync_state WHERE key = ?').run(r.key);
  }
  return rows.length;
}
