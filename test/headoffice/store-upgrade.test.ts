// A SQLite head-office store from before the console (schema version 1) opens with the
// console's tables, its cases projected and searchable, and its audit records linked to them.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseListQuery } from '../../src-headoffice/console/api-contract';
import { listCases } from '../../src-headoffice/console/case-list';
import { openHqStore } from '../../src-headoffice/store';
import { tempDir } from '../helpers/store';
import { caseSnapshot } from './console-harness';

describe('head-office SQLite store upgrade', () => {
  it('builds the case projection of a version-1 store once, on open', async () => {
    const dir = tempDir('hq-upgrade-');
    try {
      const file = join(dir, 'hq.sqlite');
      const old = new Database(file);
      old.exec(readFileSync(join(import.meta.dirname, '../../src-headoffice/migrations/0001_init.sql'), 'utf8'));
      old.pragma('user_version = 1');
      const snap = caseSnapshot('SH01', 7, { content: '旧库里的投诉:电梯停运', status: 'filed' });
      const ins = old.prepare(
        'INSERT INTO records (branch, type, id, version, schema, payload, case_number, seq, imported_at) VALUES (?, ?, ?, 1, 1, ?, ?, ?, 5)',
      );
      ins.run('SH01', 'case', snap.id, JSON.stringify(snap), snap.number, 1);
      ins.run(
        'SH01',
        'audit',
        'a1',
        JSON.stringify({ id: 'a1', entity: 'case', entityId: snap.id, action: 'case.create' }),
        null,
        2,
      );
      old.close();

      const store = await openHqStore(file);
      try {
        const page = await listCases(store, CaseListQuery.parse({ q: '电梯' }), Date.now());
        expect(page.rows).toEqual([
          expect.objectContaining({ branch: 'SH01', id: snap.id, number: snap.number, status: 'filed', updatedAt: 5 }),
        ]);
        expect(await store.get("SELECT parent_id FROM records WHERE id = 'a1'")).toEqual({ parent_id: snap.id });
        const migrations = readdirSync(join(import.meta.dirname, '../../src-headoffice/migrations')).filter((f) =>
          f.endsWith('.sql'),
        ).length;
        expect(await store.get('PRAGMA user_version')).toEqual({ user_version: migrations });
      } finally {
        await store.close();
      }
      // Opening again does not project twice.
      const again = await openHqStore(file);
      expect(await again.get('SELECT count(*) AS n FROM hq_cases')).toEqual({ n: 1 });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
