// Drafts through main: kept per user on the real store, survive closing and reopening it,
// refused when malformed or oversized (nothing stored), dropped after a month.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { createContext } from '../../src-main/services/context';
import { DRAFT_KEEP_MS } from '../../src-main/services/drafts';
import { openTestStore, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const intake = {
  kind: 'phone',
  customer: { name: '蒋堃', phone: '138 0013 8000' },
  content: '电话里说鞋子开胶,还没说完',
};
const count = (st: TestStore) => (st.db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;

describe('drafts through main', () => {
  it('saves, replaces and returns a draft to its author only', async () => {
    s = openTestStore();
    const clerk: Session = { user: s.users.clerk };
    const other: Session = { user: s.users.supervisor };
    expect(await dispatch(s.ctx, clerk, 'drafts.get', { form: 'intake.phone' })).toEqual({ ok: true, value: null });
    expect(
      await dispatch(s.ctx, clerk, 'drafts.save', { form: 'intake.phone', value: { ...intake, content: '电话' } }),
    ).toMatchObject({ ok: true });
    s.clock.t += 5_000;
    expect(await dispatch(s.ctx, clerk, 'drafts.save', { form: 'intake.phone', value: intake })).toEqual({
      ok: true,
      value: { savedAt: s.clock.t },
    });
    expect(count(s)).toBe(1);
    expect(await dispatch(s.ctx, clerk, 'drafts.get', { form: 'intake.phone' })).toEqual({
      ok: true,
      value: { form: 'intake.phone', savedAt: s.clock.t, value: intake },
    });
    // A colleague on the same PC is never offered it, and cannot discard it.
    expect(await dispatch(s.ctx, other, 'drafts.get', { form: 'intake.phone' })).toEqual({ ok: true, value: null });
    await dispatch(s.ctx, other, 'drafts.discard', { form: 'intake.phone' });
    expect(count(s)).toBe(1);
    expect(await dispatch(s.ctx, clerk, 'drafts.discard', { form: 'intake.phone' })).toEqual({ ok: true, value: null });
    expect(count(s)).toBe(0);
  });

  it('survives the store being closed and opened again (a crash of the app)', async () => {
    s = openTestStore();
    await dispatch(s.ctx, { user: s.users.clerk }, 'drafts.save', {
      form: 'slip.0194f0a2-1111-7000-8000-000000000001',
      value: { lines: [{ name: '皮鞋', qty: 1, priceFen: 39900 }] },
    });
    s.db.close();
    const { db } = openDatabase(s.file);
    try {
      const ctx = createContext(db, { now: () => s.clock.t });
      const r = await dispatch(ctx, { user: s.users.clerk }, 'drafts.get', {
        form: 'slip.0194f0a2-1111-7000-8000-000000000001',
      });
      expect(r).toMatchObject({ ok: true, value: { value: { lines: [{ name: '皮鞋', qty: 1, priceFen: 39900 }] } } });
    } finally {
      db.close();
    }
  });

  it('refuses bad names, unknown fields and oversized drafts in both languages, storing nothing', async () => {
    s = openTestStore();
    const clerk: Session = { user: s.users.clerk };
    const bad = await dispatch(s.ctx, clerk, 'drafts.save', { form: '../etc/passwd', value: {} });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: { zh: '草稿名称:格式不正确', en: 'Draft name has an invalid format' } },
    });
    const big = await dispatch(s.ctx, clerk, 'drafts.save', {
      form: 'intake.phone',
      value: { content: '长'.repeat(30_000) },
    });
    expect(big).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: { zh: '草稿内容:草稿过大(最多 64 KB)' } },
    });
    const extra = await dispatch(s.ctx, clerk, 'drafts.save', {
      form: 'intake.phone',
      value: {},
      userId: s.users.manager.id,
    });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(s.ctx, { user: null }, 'drafts.save', { form: 'intake.phone', value: {} })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(count(s)).toBe(0);
  });

  it('drops a draft older than the keeping period when it is next looked up', async () => {
    s = openTestStore();
    const clerk: Session = { user: s.users.clerk };
    await dispatch(s.ctx, clerk, 'drafts.save', { form: 'intake.other', value: intake });
    s.clock.t += DRAFT_KEEP_MS - 1;
    expect((await dispatch(s.ctx, clerk, 'drafts.get', { form: 'intake.other' })).ok && count(s)).toBe(1);
    s.clock.t += 2;
    expect(await dispatch(s.ctx, clerk, 'drafts.get', { form: 'intake.other' })).toEqual({ ok: true, value: null });
    expect(count(s)).toBe(0);
  });
});
