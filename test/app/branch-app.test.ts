// The composition root over a real store file and real device settings (conf in a temp dir):
// calls go through the app's handler map, a settings change recomputes the stored deadlines,
// and sync takes its address and key from the settings and the OS key store port.
import Conf from 'conf';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import { type Db, openDatabase } from '../../src-main/db/connection';
import type { Session } from '../../src-main/handlers/types';
import { listCategories } from '../../src-main/services/reference-data';
import { createUser } from '../../src-main/services/users';
import { type SecretBox, SettingsStore } from '../../src-main/settings/settings-store';
import { PIN, T0, tempDir } from '../helpers/store';

/** Stands in for Electron's safeStorage on a desktop with a keyring. */
const keyring: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};
const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A store file, the device settings beside it, the app over both, and a signed-in manager. */
async function openApp(o: { sync?: boolean } = {}): Promise<{ app: BranchApp; session: Session; db: Db }> {
  dir = tempDir('branch-app-');
  const opened = openDatabase(join(dir, 'branch.sqlite')).db;
  db = opened;
  const settings = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: dir });
  const app = createBranchApp({
    db: opened,
    settings,
    clock: () => T0,
    secrets: keyring,
    ...(o.sync ? { sync: { timers: noTimers } } : {}),
  });
  createUser(app.ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: PIN });
  const session: Session = { user: null };
  expect(await app.dispatch(session, 'auth.signIn', { staffNo: 'M001', pin: PIN })).toMatchObject({
    ok: true,
    value: { role: 'manager' },
  });
  return { app, session, db: opened };
}

const dueAt = (d: Db, id: string) => d.prepare('SELECT due_at AS at FROM cases WHERE id = ?').get(id);

describe('createBranchApp', () => {
  it('seeds the default categories and serves the handler map through dispatch', async () => {
    const { app, session } = await openApp();
    expect(listCategories(app.ctx).length).toBeGreaterThan(0);
    const created = await app.dispatch(session, 'cases.create', {
      channel: 'letter',
      customer: { name: '蒋堃' },
      content: '来信投诉',
      categoryCode: 'other',
    });
    expect(created).toMatchObject({ ok: true, value: { channel: 'letter' } });
    expect(await app.dispatch(session, 'db.exec', { sql: 'DELETE FROM cases' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('recomputes the deadlines of open cases when a settings change moves the closing time', async () => {
    const { app, session, db: store } = await openApp();
    const created = await app.dispatch(session, 'cases.create', {
      channel: 'letter',
      customer: { name: '蒋堃' },
      content: '来信投诉',
      categoryCode: 'other',
    });
    if (!created.ok) throw new Error(created.error.message.en);
    // Received at 10:00 in Shanghai: due at the close of the same business day.
    expect(dueAt(store, created.value.id)).toEqual({ at: Date.parse('2026-11-24T21:00:00+08:00') });
    const changed = await app.dispatch(session, 'settings.update', {
      businessHours: { open: '09:00', close: '18:00' },
    });
    expect(changed).toMatchObject({ ok: true, value: { businessHours: { close: '18:00' } } });
    expect(dueAt(store, created.value.id)).toEqual({ at: Date.parse('2026-11-24T18:00:00+08:00') });
    // A refused change leaves both the settings and the deadlines alone.
    expect(
      await app.dispatch(session, 'settings.update', { businessHours: { open: '9', close: '18:00' } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dueAt(store, created.value.id)).toEqual({ at: Date.parse('2026-11-24T18:00:00+08:00') });
  });

  it('configures sync from the settings and the key stored through the key store port', async () => {
    const { app, session } = await openApp({ sync: true });
    expect(await app.dispatch(session, 'sync.status', {})).toMatchObject({ ok: true, value: { configured: false } });
    expect(await app.dispatch(session, 'settings.setSyncKey', { key: 'k'.repeat(43) })).toMatchObject({
      ok: true,
      value: { hasSyncKey: true },
    });
    expect(await app.dispatch(session, 'settings.update', { headOfficeUrl: 'http://127.0.0.1:9/' })).toMatchObject({
      ok: true,
    });
    expect(await app.dispatch(session, 'sync.status', {})).toMatchObject({ ok: true, value: { configured: true } });
    app.stop();
  });
});
