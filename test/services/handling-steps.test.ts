// Guided handling (issue 21 §3) on a real store: the shipped library parses and every situation has
// phrases; steps ticked and unticked on a case (timeline, audit, the case snapshot in the outbox read
// back at head office and by a recovering PC), ticked at intake with the new case, and the refusals
// (a filed case, a step not in the library or not for the channel, a second tick, a role without the
// right) leaving nothing behind; the library in force for every role, head office's once received.
import { afterEach, describe, expect, it } from 'vitest';
import { caseRecordOf } from '../../src-headoffice/console/case-record-of';
import { dispatch } from '../../src-main/handlers';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { SHIPPED_PHRASE_LIBRARY, storeReference } from '../../src-main/db/repositories/reference-repo';
import { caseHistory } from '../../src-main/services/case-history';
import { tickHandlingStep } from '../../src-main/services/handling-steps';
import { AppError } from '../../src-main/shared/errors';
import { knownSteps, stepPhrases, stepsForChannel } from '../../src-main/shared/handling-guide';
import { PhraseLibrary } from '../../src-main/shared/reference-data';
import library from '../../src-main/shared/reference/default-phrase-library.json';
import { mergeHeldRecord } from '../../src-main/sync/record-merge';
import { CaseRecordSnapshot } from '../../src-main/sync/record-snapshots';
import { filedCase } from '../helpers/filed-case';
import { openTestStore, phoneCase, storeCounts, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const ticks = () => s.db.prepare('SELECT count(*) AS n FROM case_handling_steps').get() as { n: number };

function refusal(call: () => unknown): AppError {
  const before = { ...storeCounts(s.db), ticks: ticks() };
  let err: unknown;
  try {
    call();
  } catch (e) {
    err = e;
  }
  expect(err, 'the call should have been refused').toBeInstanceOf(AppError);
  expect({ ...storeCounts(s.db), ticks: ticks() }, 'a refused change leaves nothing behind').toEqual(before);
  return err as AppError;
}

const latestSnapshot = (caseId: string) => {
  const row = s.db
    .prepare("SELECT payload FROM outbox WHERE record_type = 'case' AND record_id = ? ORDER BY seq DESC LIMIT 1")
    .get(caseId) as { payload: string };
  return CaseRecordSnapshot.parse(JSON.parse(row.payload));
};

describe('the shipped phrase library', () => {
  it('parses, and every situation has 3–5 phrases in both languages and is shown beside a step', () => {
    const lib = PhraseLibrary.parse(library);
    expect(lib.situations.length).toBeGreaterThanOrEqual(13);
    for (const sit of lib.situations) {
      const phrases = lib.phrases.filter((p) => p.situation === sit.key);
      expect(phrases.length, sit.key).toBeGreaterThanOrEqual(3);
      expect(phrases.length, sit.key).toBeLessThanOrEqual(5);
      expect(
        lib.steps.some((st) => st.situations.includes(sit.key)),
        `${sit.key} beside a step`,
      ).toBe(true);
    }
    // The six steps for every channel; a government case also checks the body's reference, a phone call restates.
    const keys = (ch: Parameters<typeof stepsForChannel>[1]) => stepsForChannel(lib, ch).map((st) => st.key);
    expect(keys('in_store')).toEqual(['listen', 'apologise', 'find_cause', 'propose', 'agree_act', 'follow_up']);
    expect(keys('government')).toContain('confirm_body');
    expect(keys('phone')).toContain('confirm_callback');
    expect(keys('phone')).not.toContain('confirm_body');
    // A draft's ticks are sent only for steps the library in force has for the channel.
    expect(knownSteps(lib, 'phone', ['confirm_body', 'listen', 'gone_step'])).toEqual(['listen']);
    expect(knownSteps(undefined, 'phone', ['listen'])).toEqual([]);
    const listen = lib.steps.find((st) => st.key === 'listen');
    expect(listen && stepPhrases(lib, listen)[0]?.text.zh).toBe('您好,我是客服台的值班人员,请问有什么可以帮您?');
  });
});

describe('handling steps ticked on a case', () => {
  it('ticks and unticks: the timeline, the audit, the snapshot at head office and a recovering PC follow', () => {
    s = openTestStore();
    const c = phoneCase(s);
    const outbox = storeCounts(s.db).outbox;
    s.clock.t = T0 + 60_000;
    tickHandlingStep(s.ctx, s.users.clerk, { caseId: c.id, stepKey: 'listen', ticked: true });
    const two = tickHandlingStep(s.ctx, s.users.staff, { caseId: c.id, stepKey: 'confirm_callback', ticked: true });
    expect(two.handlingSteps).toEqual([
      { stepKey: 'listen', tickedBy: s.users.clerk.id, tickedByName: '陈服务台', tickedAt: T0 + 60_000 },
      { stepKey: 'confirm_callback', tickedBy: s.users.staff.id, tickedByName: '刘鞋部', tickedAt: T0 + 60_000 },
    ]);
    const un = tickHandlingStep(s.ctx, s.users.secretary, { caseId: c.id, stepKey: 'listen', ticked: false });
    expect(un.handlingSteps?.map((h) => h.stepKey)).toEqual(['confirm_callback']);
    expect(un.version).toBe(c.version + 3);
    expect(storeCounts(s.db).outbox).toBe(outbox + 6); // each change: the case and its audit row

    const events = un.events.filter((e) => e.kind === 'handling_step');
    expect(events.map((e) => [e.actorName, e.text, e.data])).toEqual([
      ['陈服务台', '✓ 耐心倾听 · Listen patiently', { stepKey: 'listen', ticked: true }],
      [
        '刘鞋部',
        '✓ 复述并约定回电时间 · Restate and agree a callback time',
        { stepKey: 'confirm_callback', ticked: true },
      ],
      ['李秘书', '✗ 耐心倾听 · Listen patiently', { stepKey: 'listen', ticked: false }],
    ]);
    const audits = s.db
      .prepare("SELECT actor_name AS who FROM audit_log WHERE action = 'case.handling_step' ORDER BY rowid")
      .all();
    expect(audits).toEqual([{ who: '陈服务台' }, { who: '刘鞋部' }, { who: '李秘书' }]);
    // The case's own history names the change in words and shows the ticked steps changing.
    const history = caseHistory(s.ctx, s.users.secretary, { caseId: c.id });
    const last = history.find((e) => e.action === 'case.handling_step' && e.actorName === '李秘书');
    expect(last?.label).toEqual({ zh: '处理步骤', en: 'Handling step' });
    expect(last?.changes.some((ch) => ch.field === 'handlingSteps')).toBe(true);

    // Head office reads the ticked steps from the newest snapshot; an older branch's snapshot has none.
    const snap = latestSnapshot(c.id);
    expect(caseRecordOf(snap).handlingSteps?.map((h) => h.stepKey)).toEqual(['confirm_callback']);
    const older = JSON.parse(JSON.stringify(snap));
    delete older.handlingSteps;
    expect(caseRecordOf(CaseRecordSnapshot.parse(older)).handlingSteps).toEqual([]);

    // A PC restored from head office gets the ticks back with the case.
    const held = s.db
      .prepare(
        "SELECT record_id AS id, version, payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1",
      )
      .get() as { id: string; version: number; payload: string };
    const lost = s;
    s = openTestStore();
    s.db.pragma('foreign_keys = OFF');
    expect(mergeHeldRecord(s.ctx, { type: 'case', schema: 1, ...held }).merged).toBe(true);
    s.db.pragma('foreign_keys = ON');
    expect(loadCase(s.db, c.id)?.handlingSteps).toEqual(loadCase(lost.db, c.id)?.handlingSteps);
    lost.close();
  });

  it('saves the steps ticked at intake with the new case, in its first snapshot', () => {
    s = openTestStore();
    const c = phoneCase(s, { handlingSteps: ['listen', 'confirm_callback', 'listen'] });
    expect(c.handlingSteps?.map((h) => h.stepKey)).toEqual(['listen', 'confirm_callback']);
    expect(loadCase(s.db, c.id)?.handlingSteps).toEqual(c.handlingSteps);
    expect(latestSnapshot(c.id).handlingSteps?.map((h) => h.stepKey)).toEqual(['listen', 'confirm_callback']);
    // A step of another channel refuses the intake as a whole: no case is half saved.
    const e = refusal(() => phoneCase(s, { handlingSteps: ['listen', 'confirm_body'] }));
    expect(e.code).toBe('VALIDATION');
    expect(e.field).toBe('stepKey');
  });

  it('refuses a filed case, an unknown step, a step of another channel, a tick twice and an untick of nothing', async () => {
    s = openTestStore();
    const c = phoneCase(s);
    const tick = (stepKey: string, ticked = true, caseId = c.id) =>
      tickHandlingStep(s.ctx, s.users.clerk, { caseId, stepKey, ticked });
    const unknown = refusal(() => tick('sing_a_song'));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.messages.zh).toContain('不在本渠道的话术库中');
    expect(unknown.messages.en).toContain('not in the library for this channel');
    expect(refusal(() => tick('confirm_body')).code).toBe('VALIDATION');
    tick('listen');
    const twice = refusal(() => tick('listen'));
    expect([twice.code, twice.messages.zh, twice.messages.en]).toEqual([
      'CONFLICT',
      '“耐心倾听”已勾选',
      '“Listen patiently” is already ticked',
    ]);
    expect(refusal(() => tick('apologise', false)).messages.en).toBe(
      '“Show understanding or apologise sincerely” is not ticked',
    );
    const filed = filedCase(s, T0 + 86_400_000);
    const closed = refusal(() => tick('listen', true, filed.id));
    expect(closed.code).toBe('INVALID_TRANSITION');
    expect(closed.messages.en).toContain('tick a handling step');
    // Bad input is refused by the channel's schema before any service runs.
    const r = await dispatch(s.ctx, { user: s.users.clerk }, 'cases.tickStep', {
      caseId: c.id,
      stepKey: 'X!',
      ticked: true,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the library in force', () => {
  it('is the shipped one until head office sends its own, for every role', async () => {
    s = openTestStore();
    const asStaff = await dispatch(s.ctx, { user: s.users.staff }, 'guidance.library', {});
    expect(asStaff).toEqual({ ok: true, value: { library: SHIPPED_PHRASE_LIBRARY, version: null } });
    const own = {
      steps: [
        {
          key: 'greet',
          title: { zh: '问候', en: 'Greet' },
          hint: { zh: '先问好', en: 'Say hello first' },
          channels: [],
          situations: ['first_contact'],
        },
      ],
      situations: [{ key: 'first_contact', title: { zh: '首次接待', en: 'First contact' } }],
      phrases: [{ key: 'hello', situation: 'first_contact', text: { zh: '您好', en: 'Hello' } }],
    };
    storeReference(
      s.db,
      {
        kind: 'phrases',
        key: 'library',
        version: 3,
        publishedAt: '2026-11-20T08:00:00Z',
        publishedBy: '周经理',
        body: own,
      },
      'network',
      T0,
    );
    const asClerk = await dispatch(s.ctx, { user: s.users.clerk }, 'guidance.library', {});
    expect(asClerk).toMatchObject({ ok: true, value: { version: 3, library: { steps: [{ key: 'greet' }] } } });
    // The steps of head office's library are the ones a case may tick now.
    const c = phoneCase(s, { handlingSteps: ['greet'] });
    expect(c.handlingSteps?.map((h) => h.stepKey)).toEqual(['greet']);
    expect(
      refusal(() => tickHandlingStep(s.ctx, s.users.clerk, { caseId: c.id, stepKey: 'listen', ticked: true })).code,
    ).toBe('VALIDATION');
    const signedOut = await dispatch(s.ctx, { user: null }, 'guidance.library', {});
    expect(signedOut.ok).toBe(false);
  });
});
