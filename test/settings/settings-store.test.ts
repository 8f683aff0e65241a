import Conf from 'conf';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfFactory, type SecretBox, SettingsStore } from '../../src-main/settings/settings-store';
import { DEFAULT_APP_SETTINGS } from '../../src-main/shared/settings-schema';
import { AppError } from '../../src-main/shared/errors';
import { tempDir } from '../helpers/store';

const factory: ConfFactory = (opts) => new Conf(opts) as unknown as ReturnType<ConfFactory>;
const NOW = () => Date.parse('2026-11-24T02:00:00Z');

/** A stand-in for safeStorage that really transforms the bytes, with a chosen backend. */
const box = (backend: string, available = true): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
  getSelectedStorageBackend: () => backend,
});

describe('settings store', () => {
  it('starts from the defaults, writes its file with mode 0600, and validates every change', () => {
    const dir = tempDir();
    const s = SettingsStore.open(factory, { cwd: dir, now: NOW });
    expect(s.get()).toEqual(DEFAULT_APP_SETTINGS);
    expect(s.problem).toBeNull();
    s.update({ branchName: '北京七店', businessHours: { open: '08:30', close: '22:00' } });
    const file = join(dir, 'settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).branchName).toBe('北京七店');
    expect(() => s.update({ businessHours: { open: '25:00', close: '22:00' } })).toThrow(/HH:mm/);
    expect(() => s.update({ headOfficeUrl: 'ftp://hq' })).toThrow(AppError);
    expect(() => s.update({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => s.update({ syncKeyEncrypted: 'x' })).toThrow(/unknown fields/);
    expect(s.get().businessHours).toEqual({ open: '08:30', close: '22:00' });
    expect(SettingsStore.open(factory, { cwd: dir }).branch().branchName).toBe('北京七店');
  });

  it('keeps synced outbox rows 30 days by default; a manager may keep them longer, never under 7 days', () => {
    const s = SettingsStore.open(factory, { cwd: tempDir(), now: NOW });
    expect(s.branch().outboxArchiveDays).toBe(30);
    s.update({ outboxArchiveDays: 90 });
    for (const bad of [6, 0, 7.5, 4000])
      expect(() => s.update({ outboxArchiveDays: bad })).toThrow(
        expect.objectContaining({
          messages: {
            zh: expect.stringContaining('已同步记录在本机保留天数'),
            en: expect.stringContaining('Days synced records stay on this PC'),
          },
        }),
      );
    expect(s.branch().outboxArchiveDays).toBe(90);
  });

  it('keeps a corrupt file aside, reports it, and starts from the defaults', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"branchName": "上海一店", oops');
    const s = SettingsStore.open(factory, { cwd: dir, now: NOW });
    expect(s.problem?.kind).toBe('corrupt');
    expect(readFileSync(s.problem!.keptAt, 'utf8')).toBe('{"branchName": "上海一店", oops');
    expect(s.get()).toEqual(DEFAULT_APP_SETTINGS);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });

  it('keeps aside a file with values this version cannot use', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_APP_SETTINGS, governmentReplyDays: -3 }));
    const s = SettingsStore.open(factory, { cwd: dir, now: NOW });
    expect(s.problem).toMatchObject({ kind: 'invalid', detail: 'governmentReplyDays' });
    expect(existsSync(s.problem!.keptAt)).toBe(true);
    expect(s.get().governmentReplyDays).toBe(5);
  });

  it('stores the sync key only encrypted, and refuses the plain-text backend on Linux', () => {
    const dir = tempDir();
    const s = SettingsStore.open(factory, { cwd: dir });
    const key = 'k'.repeat(16) + 'Q2xhc3NpZmllZEtleUZvckJyYW5jaA==';
    expect(() => s.setSyncKey(key, box('basic_text'), 'linux')).toThrow(/keyring/);
    expect(() => s.setSyncKey(key, box('gnome_libsecret', false), 'linux')).toThrow(/keychain/);
    expect(() => s.setSyncKey('short', box('gnome_libsecret'), 'linux')).toThrow(AppError);
    s.setSyncKey(key, box('gnome_libsecret'), 'linux');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(key);
    expect(s.syncKey(box('gnome_libsecret'), 'linux')).toBe(key);
    expect(SettingsStore.open(factory, { cwd: dir }).syncKey(box('kwallet5'), 'linux')).toBe(key);
  });
});
