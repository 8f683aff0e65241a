// The case projection reads CaseSnapshot's fields without the contract's loose copy of every
// other key, and its list facts and matter fields from the snapshot itself: for every shape —
// matching, refused, extra keys, malformed facts, a __proto__ key — the row is the one the loose
// parse gave (the contract's CaseSnapshot, its copy handed on as the snapshot).
import { describe, expect, it } from 'vitest';
import { caseRowOf, projectCase } from '../../src-headoffice/projection';
import { CaseSnapshot } from '../../src-main/sync/protocol';
import { caseSnapshot } from './console-harness';

/** The row as the loose parse made it: CaseSnapshot's output, carrying every other key, read for everything. */
function looseRow(value: unknown) {
  const r = CaseSnapshot.safeParse(value);
  return r.success ? caseRowOf('SH01', r.data, r.data, 7) : null;
}

const base = caseSnapshot('SH01', 1, {
  complainedUnitId: 'u-1',
  handlingUnitId: 'u-2',
  firstFedBackAt: 1_000,
  submittedAt: 900,
  matterId: 'm-1',
  mergedInto: 'c-9',
  promises: [
    { promisedAt: 500, answeredAt: 600 },
    { promisedAt: 800, answeredAt: null, keptAt: null },
    { promisedAt: 'soon' },
    null,
  ],
  purchaseItems: [{ name: '电饭煲', code: '6901111' }, { code: 'x' }, { name: '' }],
});

const shapes: [string, unknown][] = [
  ['a full snapshot', base],
  ['anonymous', { ...base, anonymous: true }],
  ['counter resolved before fed back', { ...base, counterResolvedAt: 700 }],
  [
    'malformed facts dropped to null',
    { ...base, complainedUnitId: 3, submittedAt: 'x', promises: 'none', matterId: '' },
  ],
  ['a matter id too long', { ...base, matterId: 'm'.repeat(101) }],
  ['unknown extra keys', { ...base, extra: { deep: [1, 2] }, another: 'x' }],
  ['no optional fields', { id: 'c-1', number: 'SH01-YY-202611-0001', receivedAt: 5 }],
  [
    'nulls for optional fields',
    { ...base, status: null, channel: null, content: null, dueAt: null, purchaseItems: null },
  ],
  ['a bad status (refused)', { ...base, status: 'lost' }],
  ['no number (refused)', { ...base, number: '' }],
  ['receivedAt as text (refused)', { ...base, receivedAt: '2026-11-01' }],
  ['a purchase item of the wrong shape (refused)', { ...base, purchaseItems: [{ name: 3 }] }],
  ['an array', [base]],
  ['null', null],
  [
    'a __proto__ key carrying facts',
    JSON.parse(
      JSON.stringify(base).replace(
        '"branchCode"',
        '"__proto__":{"promises":[{"promisedAt":1}],"matterId":"p"},"branchCode"',
      ),
    ),
  ],
  [
    'a __proto__ key carrying the case fields',
    JSON.parse('{"__proto__":{"id":"c-2","number":"SH01-YY-202611-0002","receivedAt":5}}'),
  ],
];

describe('the case projection without the loose copy', () => {
  it.each(shapes)('%s: the same row as the loose parse', (_name, value) => {
    expect(projectCase('SH01', value, 7)).toStrictEqual(looseRow(value));
  });

  it('reads the list facts and matter fields of a full snapshot (not a tautology)', () => {
    expect(projectCase('SH01', base, 7)).toMatchObject({
      complainedUnit: 'u-1',
      handlingUnit: 'u-2',
      answeredAt: 1_000,
      openPromiseAt: 800,
      promiseLate: 1,
      waitingSince: 900,
      matterId: 'm-1',
      mergedInto: 'c-9',
      itemKeys: expect.stringContaining('6901111'),
    });
    expect(projectCase('SH01', { ...base, status: 'lost' }, 7)).toBeNull();
  });
});
