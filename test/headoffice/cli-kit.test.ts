// The reviewer switches' on/off argument (cli-kit.ts), shared by `reviewer personal`, `restricted` and `editor`.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/shared/errors';
import { onOffOf } from '../../src-headoffice/cli-kit';

describe('onOffOf', () => {
  it('reads on and off', () => {
    expect(onOffOf('on')).toBe(true);
    expect(onOffOf('off')).toBe(false);
  });

  it.each(['ON', 'yes', '', 'true'])('refuses %j in both languages, naming what is expected', (v) => {
    let caught: unknown;
    try {
      onOffOf(v);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.messages).toEqual({ zh: '须为 on 或 off', en: 'Must be on or off' });
    expect(caught.code).toBe('VALIDATION');
  });
});
