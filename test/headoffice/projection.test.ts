// The case projection parses the sync contract's CaseSnapshot: a snapshot that matches is
// listed, one that does not is refused at projection (stored as sent, never listed), on every store.
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../src-headoffice/importer';
import { projectCase } from '../../src-headoffice/projection';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { HQ_BACKENDS, scalar } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { caseSnapshot } from './console-harness';

const rec = (seq: number, snap: Record<string, unknown>): BatchRecord => ({
  seq,
  type: 'case',
  id: String(snap.id),
  version: 1,
  schema: 1,
  data: JSON.stringify(snap),
});

describe('the case projection', () => {
  it('lists a snapshot that matches, with defaults for absent fields and names hidden when anonymous', () => {
    const snap = caseSnapshot('SH01', 1, {
      customerPhone: '139 0000 0000',
      purchaseItems: [{ name: '电饭煲' }, { code: 'x' }],
    });
    expect(projectCase('SH01', snap, 5)).toMatchObject({
      branch: 'SH01',
      id: snap.id,
      status: 'registered',
      phone: '13900000000',
      items: '电饭煲',
      updatedAt: 5,
      dueAt: null,
    });
    const { status: _s, categoryCode: _c, ...bare } = snap;
    expect(projectCase('SH01', bare, 5)).toMatchObject({ status: 'registered', category: 'other' });
    expect(projectCase('SH01', { ...snap, anonymous: true }, 5)).toMatchObject({ customerName: null, phone: null });
  });

  it('refuses a snapshot that does not match the contract', () => {
    const good = caseSnapshot('SH01', 1);
    for (const bad of [
      { status: 42 },
      { status: 'lost' },
      { receivedAt: '2026-11-01' },
      { receivedAt: null },
      { number: '' },
      { purchaseItems: ['电饭煲'] },
      { dueAt: 'soon' },
    ]) {
      expect(projectCase('SH01', { ...good, ...bad }, 5), JSON.stringify(bad)).toBeNull();
    }
    expect(projectCase('SH01', null, 5)).toBeNull();
  });

  it.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
    'stores a refused case as sent but lists only those that match (%s)',
    async (_name, backend) => {
      const dir = tempDir('hq-projection-');
      const store = await backend.open(dir);
      try {
        await store.run("INSERT INTO branches (code, key, created_at) VALUES ('SH01', 'k', 0)");
        const good = caseSnapshot('SH01', 1);
        const bad = { ...caseSnapshot('SH01', 2), channel: 'carrier pigeon' };
        const answer = await importBatch(store, encodeBatch('SH01', 'E', [rec(1, good), rec(2, bad)]).body, {
          branch: 'SH01',
          source: 'http',
          now: 1000,
        });
        expect(answer).toMatchObject({ ackedSeq: 2, imported: 2, quarantined: [] });
        expect(await scalar(store, 'SELECT count(*) FROM records')).toBe(2);
        expect(await store.all('SELECT id FROM hq_cases')).toEqual([{ id: good.id }]);
      } finally {
        await store.close();
        await backend.drop(dir);
      }
    },
  );
});
