// Retention on a real store with cases on both sides of the limit (issue 20 §2): the dry run
// changes nothing; the run anonymises the old cases everywhere (rows, timeline, audit, outbox and
// their archives, search, files) and keeps every statistic; the raw bytes of the .sqlite and its
// WAL hold no phone or name of the old cases while the new ones are still there.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../src-main/db/blob-store';
import { sweepAttachments } from '../../src-main/services/attachment-sweep';
import { archiveAudit } from '../../src-main/services/audit-archive';
import { auditRows } from '../../src-main/services/audit-read';
import { createSlip } from '../../src-main/services/slips';
import { computeSummary } from '../../src-main/services/reports';
import { runRetention } from '../../src-main/services/retention';
import { searchCases } from '../../src-main/services/search';
import { archiveOutbox, archivedOutboxRows } from '../../src-main/sync/outbox-archive';
import { setAckedSeq } from '../../src-main/sync/sync-state';
import { attach } from '../helpers/attachments';
import { filedCase } from '../helpers/filed-case';
import { returnInput } from '../helpers/slips';
import { openTestStore, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const OLD_AT = Date.parse('2022-11-10T10:00:00+08:00');
const OLD = {
  name: '张三丰',
  phone: '13800138000',
  spaced: '138 0013 8000',
  wx: 'wx-zsf-2022',
  street: '浦东新区张杨路100号',
};
const NEW = { name: '赵六', phone: '13912345678' };

function seed(st: TestStore) {
  const old = filedCase(st, OLD_AT, {
    customer: { name: OLD.name, phone: OLD.spaced, otherContact: OLD.wx },
    content: `${OLD.name}先生来电,电话 ${OLD.spaced},住址 ${OLD.street},皮鞋开胶要求退货。`,
    expectedResolution: `请联系${OLD.name},微信 ${OLD.wx}`,
  });
  st.clock.t = OLD_AT + 5 * 3_600_000;
  const slip = createSlip(
    st.ctx,
    st.users.supervisor,
    returnInput(st, { caseId: old.id, customer: { name: OLD.name, phone: OLD.phone }, purchaseDate: '2022-11-01' }),
  );
  const idCopy = attach(st, old.id, { kind: 'id_copy', name: `${OLD.name}身份证.jpg` });
  const photo = attach(st, old.id, { kind: 'goods_photo', name: 'shoe.jpg' });
  // Old rows leave the hot tables for the archives (acknowledged by head office first).
  setAckedSeq(st.db, (st.db.prepare('SELECT max(seq) AS m FROM outbox').get() as { m: number }).m);
  archiveAudit(st.db, { now: T0, days: 30 });
  archiveOutbox(st.db, { now: T0, days: 30 });
  const young = filedCase(st, Date.parse('2026-10-10T10:00:00+08:00'), {
    customer: { name: NEW.name, phone: NEW.phone },
    content: `${NEW.name}女士反映鞋子开胶,电话 ${NEW.phone}。`,
  });
  st.clock.t = T0;
  return { old, slip, idCopy, photo, young };
}

const rawHas = (file: string, needle: string): boolean =>
  existsSync(file) && readFileSync(file).includes(Buffer.from(needle, 'utf8'));

const fileState = (file: string) => ({
  db: readFileSync(file).toString('base64'),
  wal: existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).toString('base64') : '',
});

describe('retention', () => {
  it('dry run lists what it would change and changes nothing', () => {
    s = openTestStore();
    const { old, slip } = seed(s);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileState(s.file);
    const run = runRetention(s.ctx, { now: T0, dryRun: true });
    expect(run.years).toBe(3);
    expect(run.plan.cases.map((c) => c.number)).toEqual([old.number]);
    expect(run.plan.slips.map((c) => c.number)).toEqual([slip.number]);
    expect(run.plan).toMatchObject({ attachments: 2, personalFiles: 1, customers: 1 });
    expect(fileState(s.file)).toEqual(before);
  });

  it('anonymises the old case everywhere, keeps the statistics and the young case, and leaves no old phone in the file or its WAL', () => {
    s = openTestStore();
    const { old, slip, idCopy, photo, young } = seed(s);
    const oldMonth = { periodType: 'month', date: '2022-11-10' } as const;
    const statsBefore = computeSummary(s.ctx, s.users.secretary, oldMonth);
    // Before: the old phone is in the store (hot rows) — the scan would find it.
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawHas(s.file, OLD.phone)).toBe(true);

    const run = runRetention(s.ctx, { now: T0, dryRun: false });
    expect(run.result?.cases.map((c) => c.number)).toEqual([old.number]);
    expect(run.result?.filesDeleted).toBeGreaterThanOrEqual(1);

    // The statistics of the period are what they were (the generated-at time aside).
    const statsAfter = computeSummary(s.ctx, s.users.secretary, oldMonth);
    expect({ ...statsAfter, generatedAt: 0 }).toEqual({ ...statsBefore, generatedAt: 0 });

    // The rows: the case and its numbers, amounts and findings kept; the person gone.
    const row = s.db.prepare('SELECT * FROM cases WHERE id = ?').get(old.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      number: old.number,
      customer_name: null,
      customer_phone: null,
      phone_last4: null,
      customer_other_contact: null,
      finding: 'founded',
      resolution_amount_fen: 45900,
      purchase_amount_fen: 45900,
      status: 'filed',
    });
    expect(String(row.content)).not.toContain(OLD.name);
    expect(String(row.content)).toContain('皮鞋开胶');
    expect(s.db.prepare('SELECT customer_name, customer_phone FROM slips WHERE id = ?').get(slip.id)).toEqual({
      customer_name: null,
      customer_phone: null,
    });

    // Files: the ID copy's bytes are gone (row kept, marked); the goods photo stays.
    const root = s.ctx.blobRoot as string;
    expect(existsSync(blobPath(root, idCopy.snapshot.sha256))).toBe(false);
    expect(existsSync(blobPath(root, photo.snapshot.sha256))).toBe(true);
    const idRow = s.db.prepare('SELECT name, anonymised_at FROM attachments WHERE id = ?').get(idCopy.snapshot.id) as {
      name: string;
      anonymised_at: number | null;
    };
    expect(idRow.anonymised_at).not.toBeNull();
    expect(idRow.name).not.toContain(OLD.name);
    // Not waiting for upload, not reported missing by the sweep, not fetched back by recovery.
    expect(s.db.prepare('SELECT upload FROM attachment_blobs WHERE sha256 = ?').get(idCopy.snapshot.sha256)).toEqual({
      upload: 0,
    });
    expect(sweepAttachments(s.ctx).missing).toEqual([]);

    // Archives (compressed, so the raw scan cannot see into them): read back, nothing of the person.
    const archivedAudit = JSON.stringify([...auditRows(s.db)]);
    const archivedOutbox = JSON.stringify([...archivedOutboxRows(s.db)]);
    for (const text of [archivedAudit, archivedOutbox]) {
      expect(text).not.toContain(OLD.phone);
      expect(text).not.toContain(OLD.spaced);
      expect(text).not.toContain(OLD.name);
      expect(text).not.toContain(OLD.wx);
      expect(text).not.toContain('张杨路');
    }
    expect(archivedAudit).toContain(old.number);
    // The audit says THAT it happened, with counts.
    // Read as every reader reads it: the stored row refers to the outbox record of the same change (audit-after.ts).
    const said = [...auditRows(s.db)].find((r) => r.action === 'anonymised');
    expect(JSON.parse(said?.after ?? 'null')).toMatchObject({ reason: 'retention', counts: { cases: 1, slips: 1 } });
    expect(s.db.prepare("SELECT count(*) AS n FROM outbox WHERE record_type = 'anonymisation'").get()).toEqual({
      n: 1,
    });
    expect(s.db.prepare('SELECT count(*) AS n FROM anonymising').get()).toEqual({ n: 0 });

    // Search finds the young case by its name, the old one by nothing of its person.
    expect(searchCases(s.ctx, s.users.secretary, { query: NEW.name }).rows.map((r) => r.id)).toEqual([young.id]);
    expect(searchCases(s.ctx, s.users.secretary, { query: OLD.name }).rows).toEqual([]);
    expect(searchCases(s.ctx, s.users.secretary, { query: '张杨路' }).rows).toEqual([]);

    // The raw bytes of the store and its WAL: nothing of the old person, the young one still there.
    for (const f of [s.file, `${s.file}-wal`]) {
      for (const needle of [OLD.phone, OLD.spaced, OLD.name, OLD.wx, OLD.street, '张三'])
        expect(rawHas(f, needle)).toBe(false);
    }
    expect(rawHas(s.file, NEW.phone)).toBe(true);
    expect(rawHas(s.file, NEW.name)).toBe(true);

    // A second run finds nothing more to do.
    expect(runRetention(s.ctx, { now: T0, dryRun: false }).plan.cases).toEqual([]);

    // A later run (the store no longer rebuilt: secure_delete alone) leaves nothing of its case either.
    const later = { name: '褚一鸣', phone: '13522223333' };
    filedCase(s, Date.parse('2022-12-20T10:00:00+08:00'), {
      customer: later,
      content: `${later.name}来电 ${later.phone}。`,
    });
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawHas(s.file, later.phone)).toBe(true);
    s.clock.t = T0 + 86_400_000;
    expect(runRetention(s.ctx, { now: s.clock.t, dryRun: false }).result?.cases).toHaveLength(1);
    for (const f of [s.file, `${s.file}-wal`])
      for (const needle of [later.phone, later.name]) expect(rawHas(f, needle)).toBe(false);
    expect(rawHas(s.file, NEW.phone)).toBe(true);
  });
});
