// The importer gives the same answers and leaves the same records, cursors, ledger,
// quarantine and case projection on every store, for the same batches — including what the
// PostgreSQL COPY path must escape (backslashes, raw tabs, carriage returns) and a record
// that changes twice within one batch.
import { afterAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../src-headoffice/importer';
import type { HqStore } from '../../src-headoffice/store';
import { encodeBatch, type BatchRecord } from '../../src-main/sync/batch-format';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { tempDir } from '../helpers/store';
import { caseSnapshot } from './console-harness';

const c1 = caseSnapshot('SH01', 1, { content: 'C:\\路径\\文件 "引号"\ttab', customerName: '反斜杠\\先生' });
const c2 = caseSnapshot('SH01', 2, { content: '普通内容' });
const rec = (seq: number, type: string, id: string, version: number, data: string): BatchRecord => ({
  seq,
  type,
  id,
  version,
  schema: 1,
  data,
});
const json = (o: Record<string, unknown>) => JSON.stringify(o);

const BATCHES: BatchRecord[][] = [
  [
    rec(1, 'case', String(c1.id), 1, json(c1)),
    rec(2, 'case', String(c2.id), 1, json(c2)),
    rec(3, 'audit', 'a1', 1, `{"id":"a1",\t"entity":"case","entityId":"${String(c1.id)}","action":"case.create"}`),
    rec(4, 'case', String(c2.id), 3, json({ ...c2, version: 3, status: 'in_progress', content: '第三版\r\n换行' })),
    rec(5, 'case', String(c2.id), 2, json({ ...c2, version: 2, status: 'registered' })),
    rec(6, 'case', 'bad', 1, '{"id":"bad",'),
    rec(7, 'slip', 's1', 1, json({ id: 's1', caseId: c1.id, type: 'return', status: 'completed', handledAt: 1 })),
  ],
  [rec(8, 'case', String(c1.id), 2, json({ ...c1, version: 2, status: 'resolved' })), rec(9, 'unit', 'u1', 1, '[1]')],
];

type Outcome = Record<string, unknown>;

async function run(store: HqStore): Promise<Outcome> {
  await store.run("INSERT INTO branches (code, key, created_at) VALUES ('SH01', 'k', 0)");
  const answers = [];
  for (const b of BATCHES)
    answers.push(
      await importBatch(store, encodeBatch('SH01', 'E', b).body, { branch: 'SH01', source: 'file', now: 1000 }),
    );
  answers.push(
    await importBatch(store, encodeBatch('SH01', 'E', BATCHES[1] as BatchRecord[]).body, {
      branch: 'SH01',
      source: 'http',
      now: 2000,
    }),
  );
  const gap = await importBatch(store, encodeBatch('SH01', 'E', [rec(20, 'unit', 'u9', 1, '{}')]).body, {
    branch: 'SH01',
    source: 'http',
    now: 3000,
  }).catch((e: { why?: string }) => e.why);
  return {
    answers,
    gap,
    records: await store.all(
      'SELECT branch, type, id, version, schema, payload, case_number, parent_id, seq, imported_at FROM records ORDER BY type, id',
    ),
    cursors: await store.all('SELECT branch, epoch, last_seq, updated_at FROM cursors'),
    received: (await store.all<{ seq: number; sha: Buffer }>('SELECT seq, sha FROM received ORDER BY seq')).map((r) => [
      r.seq,
      Buffer.from(r.sha).toString('hex'),
    ]),
    batches: await store.all(
      'SELECT branch, epoch, first_seq, last_seq, count, source, imported, unchanged, quarantined, received_at FROM batches ORDER BY id',
    ),
    quarantine: await store.all('SELECT branch, epoch, seq, reason, line, at FROM quarantine ORDER BY seq'),
    cases: await store.all('SELECT branch, id, number, status, content, customer_name FROM hq_cases ORDER BY id'),
  };
}

describe('the importer on every store', () => {
  const outcomes: Outcome[] = [];
  const opened: { store: HqStore; drop: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.store.close();
      await o.drop();
    }
  });

  it.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
    'imports the batches as expected on %s',
    async (_name, backend) => {
      const dir = tempDir('hq-agree-');
      const store = await backend.open(dir);
      opened.push({ store, drop: () => backend.drop(dir) });
      const o = await run(store);
      outcomes.push(o);
      expect(o.answers).toEqual([
        {
          ackedSeq: 7,
          imported: 5,
          unchanged: 1,
          duplicate: false,
          quarantined: [{ seq: 6, reason: 'snapshot is not valid JSON' }],
        },
        {
          ackedSeq: 9,
          imported: 1,
          unchanged: 0,
          duplicate: false,
          quarantined: [{ seq: 9, reason: 'snapshot is not an object' }],
        },
        { ackedSeq: 9, imported: 0, unchanged: 0, duplicate: true, quarantined: [] },
      ]);
      expect(o.gap).toBe('GAP');
      const records = o.records as {
        type: string;
        id: string;
        version: number;
        payload: string;
        parent_id: string | null;
        case_number: string | null;
      }[];
      expect(records.map((r) => `${r.type}/${r.id}@${r.version}`)).toEqual(
        ['audit/a1@1', `case/${String(c1.id)}@2`, `case/${String(c2.id)}@3`, 'slip/s1@1'].sort(),
      );
      // Payloads byte for byte as the branch sent them.
      const byId = new Map(records.map((r) => [r.id, r]));
      expect(byId.get('a1')?.payload).toBe(BATCHES[0]?.[2]?.data);
      expect(byId.get('a1')?.parent_id).toBe(c1.id);
      expect(byId.get('s1')?.parent_id).toBe(c1.id);
      expect(byId.get(String(c2.id))?.payload).toBe(BATCHES[0]?.[3]?.data);
      expect(byId.get(String(c1.id))?.case_number).toBe('SH01-YY-202611-0001');
      const cases = o.cases as { id: string; status: string; content: string; customer_name: string }[];
      expect(cases.find((c) => c.id === c1.id)).toMatchObject({
        status: 'resolved',
        content: 'C:\\路径\\文件 "引号"\ttab',
        customer_name: '反斜杠\\先生',
      });
      expect(cases.find((c) => c.id === c2.id)).toMatchObject({ status: 'in_progress', content: '第三版\r\n换行' });
      expect(o.received).toHaveLength(9);
    },
  );

  it('leaves exactly the same state on each store', () => {
    expect(outcomes).toHaveLength(HQ_BACKENDS.length);
    for (const o of outcomes.slice(1)) expect(o).toEqual(outcomes[0]);
  });
});
