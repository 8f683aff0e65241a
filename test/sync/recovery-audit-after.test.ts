// A restored PC recovered from head office reads the same audit history, creations included (issue 16): the rows the
// backup held refer to its own outbox rows and resolve to the same snapshots; the rows head office sent back hold its
// reference (no seq, no local row) and read as they always did; the case history shows both as before the loss.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { type AuditRow, auditRowsOf } from '../../src-main/services/audit-read';
import { addNote } from '../../src-main/services/case-details';
import { caseHistory } from '../../src-main/services/case-history';
import { createContext } from '../../src-main/services/context';
import { resolveCase } from '../../src-main/services/case-workflow';
import { scheduleFollowUp } from '../../src-main/services/follow-ups';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { recoverFromHeadOffice } from '../../src-main/sync/recovery';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, startHq } from './sync-harness';

const dropNull = (_k: string, v: unknown): unknown => (v === null ? undefined : v);

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('audit after a recovery on %s', (_name, backend) => {
  let hq: Hq;
  let s: TestStore;
  let t: HttpTransport;
  beforeEach(async () => {
    hq = await startHq({ backend });
    t = new HttpTransport({ url: hq.url, branch: 'SH01', key: await hq.addBranch('SH01') });
    s = openTestStore();
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  const sync = () => syncOnce({ ctx: s.ctx, branch: 'SH01', transport: t });
  const rowsOf = (caseId: string) => auditRowsOf(s.db, [{ entity: 'case', ids: [caseId] }]);

  it('restored from a backup and recovered: the same afters, the same histories', async () => {
    const kept = phoneCase(s);
    resolveCase(s.ctx, s.users.secretary, { caseId: kept.id, type: 'repair', summary: '免费维修' });
    const f = scheduleFollowUp(s.ctx, s.users.secretary, { caseId: kept.id, dueDate: '2026-11-28', note: '问满意度' });
    await sync();
    const backup = join(s.dir, 'after-first-sync.sqlite');
    s.db.exec(`VACUUM INTO '${backup}'`);
    const lost = phoneCase(s, { customer: { name: '李四', phone: '13900139000' } });
    addNote(s.ctx, s.users.secretary, { caseId: lost.id, text: '丢失前的处理意见' });
    addNote(s.ctx, s.users.secretary, { caseId: kept.id, text: '丢失前的第二条意见' });
    await sync();
    const keptRows = rowsOf(kept.id);
    const keptFollowUp = auditRowsOf(s.db, [{ entity: 'follow_up', ids: [f.followUp.id] }]);
    const lostRows = rowsOf(lost.id);
    const histories = [kept.id, lost.id].map((caseId) => caseHistory(s.ctx, s.users.secretary, { caseId }));
    expect(JSON.parse(keptRows[0]!.after!)).toMatchObject({ id: kept.id, number: kept.number, version: 1 });

    // The store file replaced by the backup, as a restore does; then head office gives back what it lacks.
    s.db.close();
    for (const ext of ['', '-wal', '-shm']) rmSync(s.file + ext, { force: true });
    copyFileSync(backup, s.file);
    s.db = openDatabase(s.file).db;
    s.ctx = createContext(s.db, { now: () => s.clock.t, settings: () => s.settings });
    await recoverFromHeadOffice({ ctx: s.ctx, branch: 'SH01', transport: t, pageSize: 25 });

    // The backup's own rows (the creation by reference to the backup's outbox) and the note head office sent back.
    // (A row head office sent back is its audit record as sent, null fields left out: compared without them.)
    const afters = (rows: AuditRow[]) => rows.map((r) => [r.id, JSON.parse(r.after ?? 'null', dropNull) as unknown]);
    const keptBack = rowsOf(kept.id);
    expect(keptBack[0]).toEqual(keptRows[0]);
    expect(afters(keptBack)).toEqual(afters(keptRows));
    expect(auditRowsOf(s.db, [{ entity: 'follow_up', ids: [f.followUp.id] }])).toEqual(keptFollowUp);
    // The lost case's creation came back as head office holds it: its reference, as before references were stored.
    const back = rowsOf(lost.id);
    expect(back.map((r) => r.id)).toEqual(lostRows.map((r) => r.id));
    expect(JSON.parse(back[0]!.after!)).toEqual({ $snapshot: { type: 'case', id: lost.id, version: 1 } });
    expect(afters(back.slice(1))).toEqual(afters(lostRows.slice(1)));
    expect([kept.id, lost.id].map((caseId) => caseHistory(s.ctx, s.users.secretary, { caseId }))).toEqual(histories);
  });
});
