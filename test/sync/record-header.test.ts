// The hand-read record header gives exactly what the zod schemas give, for every shape a line can carry.
import { describe, expect, it } from 'vitest';
import { HeaderSeq, RecordHeader } from '../../src-main/sync/protocol';
import { readHeaderSeq, readRecordHeader } from '../../src-main/sync/record-header';

const numbers: unknown[] = [0, -0, 1, 7, -1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e300, Number.NaN, Infinity, '1', null, true];
const strings: unknown[] = ['', 'case', 'x'.repeat(200), 3, null, ['a'], { a: 1 }];
const full = { seq: 3, type: 'case', id: 'c1', version: 2, schema: 1 };

const shapes: unknown[] = [
  null,
  3,
  'header',
  true,
  [],
  [3, 'case', 'c1', 2, 1],
  Object.assign([], full),
  {},
  full,
  { ...full, extra: 'dropped', nested: { seq: 1 } },
  JSON.parse('{"seq":3,"type":"case","id":"c1","version":2,"schema":1,"__proto__":{"x":1}}'),
  JSON.parse('{"seq":3,"seq":4,"type":"case","id":"c1","version":2,"schema":1}'),
];
for (const key of Object.keys(full)) {
  const { [key]: _gone, ...rest } = full as Record<string, unknown>;
  shapes.push(rest);
  for (const v of key === 'type' || key === 'id' ? [...strings, ...numbers] : [...numbers, ...strings])
    shapes.push({ ...full, [key]: v });
}

describe('readRecordHeader', () => {
  it.each(shapes.map((s, i) => [i, s]))('shape %i reads as RecordHeader.safeParse does', (_i, h) => {
    const z = RecordHeader.safeParse(h);
    const mine = readRecordHeader(h);
    expect(mine).toStrictEqual(z.success ? z.data : null);
    if (mine) expect(Object.keys(mine)).toEqual(Object.keys(z.data ?? {}));
  });

  it.each(shapes.map((s, i) => [i, s]))('shape %i has the sequence HeaderSeq.safeParse gives', (_i, h) => {
    const z = HeaderSeq.safeParse(h);
    expect(readHeaderSeq(h)).toBe(z.success ? z.data.seq : null);
  });

  it('accepts a good header and refuses a fractional version (not a tautology)', () => {
    expect(readRecordHeader(full)).toStrictEqual(full);
    expect(readRecordHeader({ ...full, version: 1.5 })).toBeNull();
    expect(readHeaderSeq({ seq: 9 })).toBe(9);
  });
});
