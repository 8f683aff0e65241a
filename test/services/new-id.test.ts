// Record ids (services/new-id.ts): UUIDv7 as uuid's v7() makes them, and in the order they were made.
import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newUuidV7 } from '../../src-main/services/new-id';

const T = Date.UTC(2026, 11, 1, 9, 30);

describe('newUuidV7', () => {
  it('makes valid, distinct version-7 ids carrying the millisecond', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newUuidV7(T + Math.floor(i / 7)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      expect('89ab').toContain(id[19]);
    }
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(T);
  });

  it('sorts in the order made: within one millisecond, across several, and when the clock goes back', () => {
    const times = [
      ...Array.from({ length: 1500 }, () => T + 60_000),
      ...Array.from({ length: 300 }, (_, i) => T + 60_001 + (i >> 4)),
      ...Array.from({ length: 100 }, () => T + 50_000),
    ];
    const ids = times.map((t) => newUuidV7(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws fresh random bits for every id (more than one pool of them)', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => newUuidV7(T + 120_000).slice(24)));
    expect(tails.size).toBe(1000);
  });
});
