// A head-office address over plain http:// to another computer: refused in the settings unless the
// manager allows unencrypted connections, warned on the sync line when allowed, and refused by the
// transport at send time when the settings file says so without the consent. Loopback stays allowed.
import Conf from 'conf';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BranchApp, createBranchApp } from '../../src-main/app';
import { type Db, openDatabase } from '../../src-main/db/connection';
import type { Session } from '../../src-main/handlers/types';
import { createUser } from '../../src-main/services/users';
import { isUnencryptedRemote } from '../../src-main/shared/head-office-address';
import { type SecretBox, SettingsStore } from '../../src-main/settings/settings-store';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { TransportError } from '../../src-main/sync/transport';
import { PIN, T0, tempDir } from '../helpers/store';

const keyring: SecretBox = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};
const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const KEY = 'k'.repeat(43);
const REMOTE = 'http://192.168.1.20:8787';

let dir = '';
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

/** The app over a store and device settings in `dir` (settings written first when given), a manager signed in. */
async function openApp(o: { settings?: Record<string, unknown>; fetch?: typeof fetch } = {}) {
  dir = dir || tempDir('unencrypted-');
  if (o.settings) {
    const conf = new Conf<Record<string, unknown>>({ configName: 'settings', cwd: dir });
    conf.store = { ...conf.store, ...o.settings };
  }
  const opened = openDatabase(join(dir, 'branch.sqlite')).db;
  db = opened;
  const settings = SettingsStore.open((c) => new Conf<Record<string, unknown>>(c), { cwd: dir });
  const app: BranchApp = createBranchApp({
    db: opened,
    settings,
    clock: () => T0,
    secrets: keyring,
    sync: { timers: noTimers, ...(o.fetch ? { fetch: o.fetch } : {}) },
  });
  if (!o.settings) createUser(app.ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: PIN });
  const session: Session = { user: null };
  expect(await app.dispatch(session, 'auth.signIn', { staffNo: 'M001', pin: PIN })).toMatchObject({ ok: true });
  return { app, session, settings };
}

describe('an unencrypted head-office address', () => {
  it('tells loopback and https from an http:// address on another computer', () => {
    for (const u of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'https://hq.example.cn'])
      expect(isUnencryptedRemote(u), u).toBe(false);
    for (const u of [REMOTE, 'http://hq.example.cn', 'http://10.0.0.5']) expect(isUnencryptedRemote(u), u).toBe(true);
  });

  it('is refused in the settings without the manager’s consent, naming the field; nothing changes', async () => {
    const { app, session } = await openApp();
    const r = await app.dispatch(session, 'settings.update', { headOfficeUrl: REMOTE });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: { zh: expect.stringContaining('允许不加密连接'), en: expect.stringContaining('unencrypted') },
        issues: [{ field: 'headOfficeUrl', message: { zh: expect.stringContaining('https://') } }],
      },
    });
    expect(await app.dispatch(session, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { headOfficeUrl: '', allowUnencrypted: false },
    });
    // Loopback and https need no consent.
    for (const headOfficeUrl of ['http://127.0.0.1:8787', 'http://localhost:9', 'https://hq.example.cn'])
      expect(await app.dispatch(session, 'settings.update', { headOfficeUrl })).toMatchObject({ ok: true });
    // Withdrawing the consent under an http:// remote address is refused too.
    expect(
      await app.dispatch(session, 'settings.update', { headOfficeUrl: REMOTE, allowUnencrypted: true }),
    ).toMatchObject({ ok: true });
    expect(await app.dispatch(session, 'settings.update', { allowUnencrypted: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'headOfficeUrl' }] },
    });
  });

  it('allowed by the manager, syncs and the sync line says the connection is not encrypted', async () => {
    const sent: string[] = [];
    const spy: typeof fetch = async (input) => {
      sent.push(String(input));
      return new Response(JSON.stringify({ code: 'X', message: { zh: '总部维护中', en: 'Down' } }), { status: 503 });
    };
    const { app, session } = await openApp({ fetch: spy });
    expect(
      await app.dispatch(session, 'settings.update', { headOfficeUrl: REMOTE, allowUnencrypted: true }),
    ).toMatchObject({ ok: true });
    expect(await app.dispatch(session, 'settings.setSyncKey', { key: KEY })).toMatchObject({ ok: true });
    expect(await app.dispatch(session, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { configured: true, unencrypted: true },
    });
    await app.dispatch(session, 'sync.now', {});
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toContain('192.168.1.20');
    // Back to https: no warning.
    await app.dispatch(session, 'settings.update', { headOfficeUrl: 'https://hq.example.cn' });
    expect(await app.dispatch(session, 'sync.status', {})).toMatchObject({ ok: true, value: { unencrypted: false } });
  });

  it('in a settings file without the consent, the transport refuses at send time and sends nothing', async () => {
    const first = await openApp();
    expect(await first.app.dispatch(first.session, 'settings.setSyncKey', { key: KEY })).toMatchObject({ ok: true });
    db?.close();
    db = null;
    const sent: string[] = [];
    const spy: typeof fetch = async (input) => {
      sent.push(String(input));
      return new Response('{}', { status: 200 });
    };
    // The file edited by hand underneath the app: an http:// remote address, no consent.
    const { app, session } = await openApp({
      settings: { headOfficeUrl: REMOTE, allowUnencrypted: false },
      fetch: spy,
    });
    const r = await app.dispatch(session, 'sync.now', {});
    expect(r).toMatchObject({
      ok: true,
      value: {
        state: 'stopped',
        lastError: { zh: expect.stringContaining('未发送任何数据'), en: expect.stringContaining('nothing was sent') },
      },
    });
    expect(sent).toEqual([]);
  });

  it('HttpTransport refuses an http:// remote address without allowUnencrypted (426, nothing fetched)', async () => {
    let calls = 0;
    const spy: typeof fetch = async () => {
      calls++;
      return new Response('{}', { status: 500 });
    };
    const t = new HttpTransport({ url: REMOTE, branch: 'SH01', key: KEY, fetch: spy });
    const e = await t.pull(0).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect(e).toMatchObject({ status: 426 });
    expect(calls).toBe(0);
    const allowed = new HttpTransport({ url: REMOTE, branch: 'SH01', key: KEY, fetch: spy, allowUnencrypted: true });
    await allowed.pull(0).catch(() => undefined);
    expect(calls).toBe(1);
  });
});
