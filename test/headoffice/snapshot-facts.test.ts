// The importer reads every snapshot's verdict and top-level facts from its bytes parsed as Latin-1
// (record-check.ts, shared/latin1-json.ts): for any bytes at all, the same as JSON.parse of the UTF-8
// text — valid exactly when that is, the same kind, id, number and fact fields — and the whole
// snapshot, when a projection asks for it, is the UTF-8 parse itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACT_FIELDS, RecordSnapshot, snapshotFacts, type SnapshotFacts } from '../../src-headoffice/record-check';
import { parseLatin1 } from '../../src-main/shared/latin1-json';

/** The facts as the UTF-8 parse gives them: what the importer read before the Latin-1 reading. */
function byUtf8(bytes: Buffer): SnapshotFacts {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { kind: null, id: null, number: null, fields: {} };
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (kind !== 'object' || typeof value !== 'object' || value === null)
    return { kind, id: null, number: null, fields: {} };
  const o = Object.fromEntries(Object.entries(value));
  const fields = Object.fromEntries(FACT_FIELDS.filter((k) => Object.hasOwn(o, k)).map((k) => [k, o[k]]));
  return { kind, id: o.id ?? null, number: o.number ?? null, fields };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('snapshot facts read as Latin-1', () => {
  it('equal the UTF-8 reading on the snapshots that differ between the two readings', () => {
    const cases: Buffer[] = [
      utf8('{"id":"c1","number":"SH01-YY-202611-0001","customerName":"张三","content":"退货 · 质量问题"}'),
      utf8('{"id":"门店-1","number":"SH01-YY-202611-0002"}'),
      utf8('{"id":"c1","number":"caf\\u00e9"}'),
      utf8('{"id":"c1","branchCode":"\\u4e0a\\u6d77"}'),
      utf8('{"id":{"x":"张"},"number":["三"]}'),
      utf8('{"id":"a","id":"张"}'),
      utf8('{"id":"张","id":"a"}'),
      utf8('{"entityId":"案件","at":1792836000000,"updatedAt":-1,"createdAt":1e400}'),
      utf8('{"caseId":null,"ownerId":true,"unitId":0}'),
      utf8('\ufeff{"id":"c1"}'),
      utf8('[{"id":"c1"}]'),
      utf8('"张三"'),
      utf8('null'),
      utf8('{"id":"c1",}'),
      utf8('{"id":"c1"'),
      Buffer.concat([utf8('{"id":"c1","content":"'), Buffer.from([0xe4, 0xb8]), utf8('"}')]),
      Buffer.concat([utf8('{"id":"'), Buffer.from([0xff, 0xfe]), utf8('"}')]),
      Buffer.concat([utf8('{"id":"c1"}'), Buffer.from([0xc2, 0xa0])]),
      Buffer.concat([utf8('{"id":"c1",'), Buffer.from([0xe3, 0x80, 0x80]), utf8('"x":1}')]),
      utf8('{"id":"c1","content":"\u2028\u2029"}'),
    ];
    for (const bytes of cases) expect(snapshotFacts(bytes), bytes.toString('hex')).toEqual(byUtf8(bytes));
  });

  it('equal the UTF-8 reading for any JSON object holding any text', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const fact = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
    const snapshot = fc.record(Object.fromEntries([...FACT_FIELDS, 'content', 'customerName'].map((k) => [k, fact])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(snapshot, (s) => {
        const bytes = utf8(JSON.stringify(s));
        expect(snapshotFacts(bytes)).toEqual(byUtf8(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse exactly the bytes that are not JSON as UTF-8, whatever the bytes', () => {
    const json = fc.json({ stringUnit: 'binary', maxDepth: 3 }).map(utf8);
    const mutated = fc.tuple(json, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, at, byte]) => {
      const c = Buffer.from(b);
      if (c.length > 0) c[at % c.length] = byte;
      return c;
    });
    const bytes = fc.oneof(
      json,
      mutated,
      fc.uint8Array({ maxLength: 24 }).map((a) => Buffer.from(a)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let utf8Ok = true;
        try {
          JSON.parse(b.toString('utf8'));
        } catch {
          utf8Ok = false;
        }
        expect(parseLatin1(b) !== undefined).toBe(utf8Ok);
        expect(snapshotFacts(b)).toEqual(byUtf8(b));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('a stored record of the batch', () => {
  it('gives the whole snapshot as the UTF-8 parse reads it, parsed once when first asked', () => {
    const bytes = utf8('{"id":"c1","customerName":"张三","content":"caf\\u00e9 退货","items":[{"name":"牛奶"}]}');
    const snap = new RecordSnapshot(7, 'case', 'c1', null, snapshotFacts(bytes).fields, bytes);
    expect(snap.fields).toEqual({ id: 'c1' });
    const value = snap.value;
    expect(value).toEqual(JSON.parse(bytes.toString('utf8')));
    expect(snap.value).toBe(value);
  });
});
