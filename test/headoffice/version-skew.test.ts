// Version skew over real HTTP, on every store: head office imports batches of the previous record schema
// version; a branch newer than head office gets SCHEMA_TOO_NEW ("head office must be updated first"),
// nothing is imported, and the same batch imports whole once head office is updated.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION } from '../../src-main/shared/sync-format';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { signRequest } from '../../src-main/sync/batch-sign';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { type Hq, startHq } from '../sync/sync-harness';

const V = RECORD_SCHEMA_VERSION;

const rec = (seq: number, schema: number): BatchRecord => {
  const id = `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  return {
    seq,
    type: 'case',
    id,
    version: 1,
    schema,
    data: JSON.stringify({ id, number: `SH01-YY-202611-${String(seq).padStart(4, '0')}` }),
  };
};

async function post(hq: Hq, key: string, body: Buffer) {
  const h = signRequest(key, { method: 'POST', path: '/v1/batches', branch: 'SH01', body, now: Date.now() });
  const res = await fetch(`${hq.url}/v1/batches`, {
    method: 'POST',
    headers: { ...h, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('version skew (%s)', (_name, backend) => {
  const open: Hq[] = [];
  const start = async (o: Parameters<typeof startHq>[0]) => {
    const hq = await startHq({ backend, ...o });
    open.push(hq);
    return hq;
  };
  afterEach(async () => {
    for (const hq of open.splice(0).reverse()) await hq.close();
  });

  it('a head office one schema ahead imports a batch of the previous version, alone and mixed with its own', async () => {
    // Head office updated to V + 1 while this branch still writes V (its previous version).
    const hq = await start({ maxSchema: V + 1 });
    const key = await hq.addBranch('SH01');
    const old = await post(hq, key, encodeBatch('SH01', 'E', [rec(1, V), rec(2, V)]).body);
    expect(old.status).toBe(200);
    expect(old.json).toMatchObject({ ackedSeq: 2, imported: 2, quarantined: [] });
    const mixed = await post(hq, key, encodeBatch('SH01', 'E', [rec(3, V), rec(4, V + 1)]).body);
    expect(mixed.json).toMatchObject({ ackedSeq: 4, imported: 2, quarantined: [] });
    const rows = await hq.db.all<{ schema: number }>('SELECT schema FROM records ORDER BY id');
    expect(rows.map((r) => Number(r.schema))).toEqual([V, V, V, V + 1]);
    // The head office of today reads today's records and every earlier version still in use (from 1).
    const today = await start({});
    const k2 = await today.addBranch('SH01');
    const prev = Math.max(1, V - 1);
    const r = await post(today, k2, encodeBatch('SH01', 'E', [rec(1, prev), rec(2, V)]).body);
    expect(r.json).toMatchObject({ ackedSeq: 2, imported: 2, quarantined: [] });
  });

  it('a branch newer than head office gets SCHEMA_TOO_NEW (head office must be updated first); nothing is imported or lost', async () => {
    const dir = tempDir('hq-skew-');
    const hq = await start({ dir });
    const key = await hq.addBranch('SH01');
    const body = encodeBatch('SH01', 'E', [rec(1, V), rec(2, V + 1)]).body;
    const r = await post(hq, key, body);
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('SCHEMA_TOO_NEW');
    const message = r.json.message as { zh: string; en: string };
    expect(message.zh).toContain('总部系统须先升级');
    expect(message.en).toContain('head office must be updated first');
    for (const table of ['records', 'cursors', 'batches', 'quarantine'])
      expect([table, await scalar(hq.db, `SELECT count(*) FROM ${table}`)]).toEqual([table, 0]);
    expect((await post(hq, key, body)).status).toBe(422);

    // Head office is updated (same store, reads V + 1): the very batch the branch kept now imports whole.
    await hq.close();
    open.splice(open.indexOf(hq), 1);
    const updated = await start({ dir, maxSchema: V + 1 });
    try {
      const again = await post(updated, key, body);
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ ackedSeq: 2, imported: 2, quarantined: [] });
      expect(await scalar(updated.db, 'SELECT count(*) FROM records')).toBe(2);
    } finally {
      open.splice(open.indexOf(updated), 1);
      await updated.close();
      await backend.drop(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
