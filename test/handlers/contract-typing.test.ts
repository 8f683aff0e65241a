// The handler map is typed by the contract: input arrives parsed once (defaults applied) and a
// handler that skips `toView` or takes the wrong input does not compile (checked by tsc in npm test).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { dispatch } from '../../src-main/handlers';
import type { PrivateHandlers, Session } from '../../src-main/handlers/types';
import { contract } from '../../src-main/shared/ipc/contract';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => {
  vi.restoreAllMocks();
  s?.close();
});

describe('one parse per call', () => {
  it('parses a message with its channel schema once, at dispatch, and the service does not parse again', async () => {
    s = openTestStore();
    const session: Session = { user: s.users.secretary };
    const spy = vi.spyOn(contract['cases.create'].input, 'safeParse');
    const r = await dispatch(s.ctx, session, 'cases.create', {
      channel: 'letter',
      customer: { name: '蒋堃' },
      content: '  来信投诉  ',
      categoryCode: 'other',
    });
    expect(r.ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    // The handler received the parsed input: text trimmed, defaults (severity, anonymous) applied.
    if (r.ok) expect(r.value).toMatchObject({ content: '来信投诉', severity: 'general', anonymous: false });
  });

  it('refuses bad input before any handler runs, and a refused call changes nothing', async () => {
    s = openTestStore();
    const session: Session = { user: s.users.secretary };
    const before = s.db.prepare('SELECT count(*) AS n FROM cases').get();
    const r = await dispatch(s.ctx, session, 'cases.create', { channel: 'fax', content: 'x', categoryCode: 'other' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(s.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual(before);
  });
});

describe('handlers typed by the contract', () => {
  it('rejects at compile time a handler answering with a raw record or taking the wrong input', () => {
    s = openTestStore();
    const id = phoneCase(s).id;
    const typed = {
      // @ts-expect-error a raw CaseRecord is not the CaseView the contract promises (it would skip toView's redaction)
      'cases.get': (ctx, _s, input) => loadCase(ctx.db, input.caseId)!,
      // @ts-expect-error cases.getByNumber's parsed input is { number: string }, not this
      'cases.getByNumber': (_ctx, _s, input: { caseId: string; number: number }) => {
        throw new Error(String(input.number));
      },
    } satisfies Partial<PrivateHandlers>;
    expect(Object.keys(typed)).toEqual(['cases.get', 'cases.getByNumber']);
    expect(id).toBeTruthy();
  });
});
