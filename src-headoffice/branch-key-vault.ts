// Branch keys encrypted at rest: AES-256-GCM under head office's master key, a random IV per key, the branch code as associated data.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { refuse } from '../src-main/shared/errors';
import type { HqStore } from './store';

/** A stored key that starts so is sealed: `aesgcm1:` iv `:` tag `:` ciphertext, each base64url. */
const SEALED = 'aesgcm1:';
/** The associated data of the master key's check value (migration 0009); never a branch code (2–16 capitals or digits). */
const CHECK_LABEL = 'master-key-check';
export const MASTER_KEY_ENV = 'BRANCH_DESK_HQ_MASTER_KEY';

// The master key of each open store (set by the CLI or a test); a store without one keeps keys in clear.
const masterKeys = new WeakMap<HqStore, Buffer>();

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED);

const badMasterKey = () =>
  refuse(
    'VALIDATION',
    '主密钥须为 32 字节,以 base64 或 64 位十六进制书写',
    'The master key must be 32 bytes, written as base64 or as 64 hex digits',
    [{ field: 'masterKey', message: { zh: '须为 32 字节', en: 'must be 32 bytes' } }],
  );

/** 32 bytes from base64, base64url or 64 hex digits (surrounding whitespace ignored). */
export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(t)
      ? Buffer.from(t, 'base64url')
      : null;
  if (bytes?.length !== 32) throw badMasterKey();
  return bytes;
}

/** The master key from --master-key-file, else the environment; null when neither is given. */
export function masterKeyFrom(file: string | undefined, env: NodeJS.ProcessEnv): Buffer | null {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw refuse('VALIDATION', `无法读取主密钥文件 ${file}`, `The master key file ${file} cannot be read`);
    }
    return parseMasterKey(text);
  }
  const v = env[MASTER_KEY_ENV];
  return v === undefined || v === '' ? null : parseMasterKey(v);
}

export function sealKey(master: Buffer, branch: string, key: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', master, iv);
  c.setAAD(Buffer.from(branch, 'utf8'));
  const body = Buffer.concat([c.update(key, 'utf8'), c.final()]);
  return `${SEALED}${iv.toString('base64url')}:${c.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
}

const wrongMasterKey = () =>
  refuse(
    'AUTH_FAILED',
    '主密钥与总部数据库中加密的门店密钥不符(主密钥错误?),已拒绝',
    'The master key does not open the branch keys stored at head office (wrong master key?); refused',
  );

export function openKey(master: Buffer | undefined, branch: string, stored: string): string {
  if (!isSealed(stored)) return stored;
  if (!master)
    throw refuse(
      'AUTH_FAILED',
      '门店密钥已加密保存,须提供主密钥(--master-key-file 或 BRANCH_DESK_HQ_MASTER_KEY)',
      'Branch keys are stored encrypted; give the master key (--master-key-file or BRANCH_DESK_HQ_MASTER_KEY)',
    );
  const [iv, tag, body] = stored.slice(SEALED.length).split(':');
  try {
    const d = createDecipheriv('aes-256-gcm', master, Buffer.from(iv ?? '', 'base64url'));
    d.setAAD(Buffer.from(branch, 'utf8'));
    d.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body ?? '', 'base64url')), d.final()]).toString('utf8');
  } catch {
    throw wrongMasterKey();
  }
}

export const masterKeyOf = (store: HqStore): Buffer | undefined => masterKeys.get(store);

/**
 * Uses `master` for this store's branch keys: the stored check value and every sealed key must
 * open with it (else a refusal and nothing changes), then every key still in clear is sealed and
 * the check value is stored on first use. Answers how many keys were sealed.
 */
export async function protectBranchKeys(store: HqStore, master: Buffer): Promise<number> {
  const check = await store.get<{ sealed: string }>('SELECT sealed FROM master_key_check WHERE id = 1');
  if (check) openKey(master, CHECK_LABEL, check.sealed);
  const rows = await store.all<{ code: string; key: string }>('SELECT code, key FROM branches ORDER BY code');
  for (const r of rows) if (isSealed(r.key)) openKey(master, r.code, r.key);
  let sealed = 0;
  for (const r of rows.filter((x) => !isSealed(x.key))) {
    sealed += await store.run('UPDATE branches SET key = ? WHERE code = ? AND key = ?', [
      sealKey(master, r.code, r.key),
      r.code,
      r.key,
    ]);
  }
  if (!check)
    await store.run('INSERT INTO master_key_check (id, sealed) VALUES (1, ?) ON CONFLICT DO NOTHING', [
      sealKey(master, CHECK_LABEL, 'branch-desk'),
    ]);
  masterKeys.set(store, master);
  return sealed;
}
