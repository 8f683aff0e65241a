// The duplicate-refund guard on normalised receipt numbers (issue 18 §4): every spelling of one
// receipt is one receipt, the slip keeps what was typed, the chain's format is a setting, and the
// slips stored before migration 0021 are guarded too.
import Conf from 'conf';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBranchApp } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { receiptKey } from '../../src-main/domain/receipt-number';
import type { Session } from '../../src-main/handlers/types';
import { createContext } from '../../src-main/services/context';
import { createUnit } from '../../src-main/services/reference-data';
import { createSlip, getSlipByNumber } from '../../src-main/services/slips';
import { createUser } from '../../src-main/services/users';
import { SettingsStore } from '../../src-main/settings/settings-store';
import { AppError } from '../../src-main/shared/errors';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';
import { returnInput } from '../helpers/slips';
import { openTestStore, PIN, storeCounts, T0, tempDir, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const SCARF = [{ itemCode: 'B1', name: '围巾', quantity: 1, unitPriceFen: 9_900 }];
const SPELLINGS = ['r20261120-0042', 'R20261120 0042', 'Ｒ２０２６１１２０－００４２', 'R202611200042', 'R20261120-42'];

const slipOn = (receiptNo: string) =>
  createSlip(s.ctx, s.users.clerk, returnInput(s, { receiptNo, returnedLines: SCARF, refundFen: 9_900 }));

describe('receiptKey', () => {
  it('gives every spelling of R20261120-0042 one key', () => {
    for (const typed of ['R20261120-0042', ...SPELLINGS]) expect(receiptKey(typed)).toBe('R20261120-42');
  });

  it('keeps leading zeros outside the serial part, and a serial of zeros is 0', () => {
    expect(receiptKey('R00261120-0042')).toBe('R00261120-42');
    expect(receiptKey('R20261120-0000')).toBe('R20261120-0');
    expect(receiptKey('R20261120-0043')).not.toBe(receiptKey('R20261120-0042'));
  });

  it('follows the format: serial start 0 strips no zeros, a non-numeric serial is kept whole', () => {
    expect(receiptKey('r2026-1120-0042', 0)).toBe('R202611200042');
    expect(receiptKey('R20261120-042', 0)).not.toBe(receiptKey('R20261120-0042', 0));
    expect(receiptKey('R20261120-00A2')).toBe('R2026112000A2');
    expect(receiptKey('R2026')).toBe('R2026');
    expect(receiptKey(' - — ')).toBe('');
  });
});

describe('the duplicate-refund guard on normalised receipts', () => {
  it('fires for each spelling of the same receipt and item; the slip keeps what was typed', () => {
    s = openTestStore();
    const first = slipOn('R20261120-0042');
    expect(first.status).toBe('completed');
    for (const typed of SPELLINGS) {
      const again = slipOn(typed);
      expect(again, typed).toMatchObject({
        status: 'pending_approval',
        approvalReasons: ['duplicate_receipt'],
        receiptNo: typed,
      });
      expect(again.duplicates[0]).toEqual({ number: first.number, itemCodes: ['B1'] });
    }
    expect(getSlipByNumber(s.ctx, s.users.clerk, { number: first.number }).receiptNo).toBe('R20261120-0042');
  });

  it('does not fire for another receipt', () => {
    s = openTestStore();
    slipOn('R20261120-0042');
    expect(slipOn('R20261120-0043')).toMatchObject({ status: 'completed', approvalReasons: [] });
  });

  it('refuses a receipt number of separators only, naming the field; nothing changes', () => {
    s = openTestStore();
    const before = storeCounts(s.db);
    let err: unknown;
    try {
      slipOn(' - — ');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).issues).toEqual([
      {
        field: 'receiptNo',
        message: { zh: '原小票号:不能只有空格或横线', en: 'Original receipt no. cannot be only spaces or dashes' },
      },
    ]);
    expect(storeCounts(s.db)).toEqual(before);
  });

  it('a change of the chain format re-keys the stored slips (settings.update)', async () => {
    const dir = tempDir('receipt-format-');
    const { db } = openDatabase(join(dir, 'branch.sqlite'));
    const settings = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: dir });
    const app = createBranchApp({ db, settings, clock: () => T0 });
    const manager = createUser(app.ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: PIN });
    const unitId = createUnit(app.ctx, manager, { code: 'SHOES', name: '鞋部' }).id;
    const input = { ...returnInput({ units: { shoes: unitId } } as TestStore), returnedLines: SCARF, refundFen: 9_900 };
    createSlip(app.ctx, manager, { ...input, receiptNo: 'R20261120-0042' });
    const keys = () => db.prepare('SELECT receipt_key AS k FROM slip_returned_items').pluck().all();
    expect(keys()).toEqual(['R20261120-42']);
    const session: Session = { user: null };
    await app.dispatch(session, 'auth.signIn', { staffNo: 'M001', pin: PIN });
    expect(await app.dispatch(session, 'settings.update', { receiptSerialStart: 0 })).toMatchObject({ ok: true });
    expect(keys()).toEqual(['R202611200042']);
    expect(await app.dispatch(session, 'settings.update', { receiptSerialStart: -1 })).toMatchObject({ ok: false });
    expect(settings.get().receiptSerialStart).toBe(0);
    db.close();
  });
});

describe('migration 0021', () => {
  it('keys the slips stored before it, so they are guarded too', () => {
    s = openTestStore();
    slipOn('r20261120 0042');
    s.db.close();
    // A store at 0020 holding the same rows: users, units, the slip and its returned items.
    const file = join(tempDir('receipt-0021-'), 'b.sqlite');
    const old = openDatabase(file, { migrations: loadMigrations().filter((m) => m.version <= 20) }).db;
    // The columns the slips table had at 0020 (later migrations add some, e.g. 0027's anonymised_at).
    const slipColumns = (old.prepare('PRAGMA table_info(slips)').all() as { name: string }[])
      .map((c) => c.name)
      .join(', ');
    old.exec(`ATTACH '${s.file}' AS v21; PRAGMA foreign_keys = OFF;
      INSERT INTO users SELECT * FROM v21.users; INSERT INTO units SELECT * FROM v21.units;
      INSERT INTO slips (${slipColumns}) SELECT ${slipColumns} FROM v21.slips;
      INSERT INTO slip_returned_items SELECT slip_id, receipt_no, item_code FROM v21.slip_returned_items;
      INSERT INTO number_counters SELECT * FROM v21.number_counters; DETACH v21;`);
    old.close();
    const { db, applied } = openDatabase(file);
    expect(applied).toContain(21);
    expect(db.prepare('SELECT receipt_no, receipt_key FROM slip_returned_items').get()).toEqual({
      receipt_no: 'r20261120 0042',
      receipt_key: 'R20261120-42',
    });
    const ctx = createContext(db, { now: () => T0, settings: () => DEFAULT_BRANCH_SETTINGS });
    const again = createSlip(ctx, s.users.clerk, {
      ...returnInput(s, { receiptNo: 'Ｒ２０２６１１２０－００４２', returnedLines: SCARF, refundFen: 9_900 }),
    });
    expect(again).toMatchObject({ status: 'pending_approval', approvalReasons: ['duplicate_receipt'] });
    db.close();
  });
});
