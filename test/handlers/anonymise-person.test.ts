// personalData.anonymisePerson through the handler map on a real store (issue 20 §3): a person's
// closed cases and slips anonymised now, whatever their age, recorded in the access log; refused in
// words for a bad reason, an open case (named), an unknown phone and a role that may not.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/handlers';
import type { Session } from '../../src-main/handlers/types';
import { printCaseRecord } from '../../src-main/services/print';
import { readPdf, squash } from '../helpers/pdf-text';
import { createSlip } from '../../src-main/services/slips';
import { filedCase } from '../helpers/filed-case';
import { returnInput } from '../helpers/slips';
import { openTestStore, phoneCase, T0, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

const PHONE = '13655556666';
const person = { name: '孙八', phone: '136 5555 6666' };

describe('personalData.anonymisePerson', () => {
  it('anonymises every closed case and slip of that phone now, young or old, and logs the access', async () => {
    s = openTestStore();
    const a = filedCase(s, Date.parse('2026-06-01T10:00:00+08:00'), {
      customer: person,
      content: '孙八来电,电话 13655556666,鞋子开胶。',
    });
    const other = filedCase(s, Date.parse('2026-06-02T10:00:00+08:00'));
    s.clock.t = T0;
    const slip = createSlip(
      s.ctx,
      s.users.supervisor,
      returnInput(s, { customer: { name: person.name, phone: PHONE }, receiptNo: 'R-9' }),
    );
    const manager: Session = { user: s.users.manager };
    const r = await dispatch(s.ctx, manager, 'personalData.anonymisePerson', {
      phone: ' 136-5555-6666 ',
      reason: '本人书面申请删除',
    });
    expect(r).toMatchObject({
      ok: true,
      value: { cases: [{ id: a.id, number: a.number }], slips: [{ id: slip.id, number: slip.number }], customers: 1 },
    });
    expect(s.db.prepare('SELECT customer_phone FROM cases WHERE id = ?').get(a.id)).toEqual({ customer_phone: null });
    expect(s.db.prepare('SELECT customer_phone FROM cases WHERE id = ?').get(other.id)).toEqual({
      customer_phone: '13800138000',
    });
    // The access log: who, why, the person masked with a keyed hash — never the phone in full.
    const log = s.db
      .prepare(
        "SELECT user_id, entity_type, entity_id, reason, subject_hash FROM access_log WHERE action = 'person_anonymise'",
      )
      .all() as { user_id: string; entity_type: string; entity_id: string; reason: string; subject_hash: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      user_id: s.users.manager.id,
      entity_type: 'person',
      entity_id: '136****6666',
      reason: '本人书面申请删除',
    });
    expect(log[0]?.subject_hash).toMatch(/^[0-9a-f]{64}$/);
    const rec = s.db.prepare("SELECT payload FROM outbox WHERE record_type = 'anonymisation'").get() as {
      payload: string;
    };
    expect(JSON.parse(rec.payload)).toMatchObject({ reason: 'person_request' });
    for (const f of [s.file, `${s.file}-wal`]) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(PHONE))).toBe(false);
      expect(bytes.includes(Buffer.from(person.name))).toBe(false);
    }
    // The anonymised case still opens and prints: its number and content kept, the person gone.
    const view = await dispatch(s.ctx, manager, 'cases.get', { caseId: a.id });
    expect(view).toMatchObject({ ok: true, value: { number: a.number } });
    expect(JSON.stringify(view)).not.toContain(person.name);
    const pdf = await printCaseRecord(s.ctx, s.users.manager, a.id);
    if (process.env.B_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.B_PDF_OUT, pdf);
    const text = squash((await readPdf(pdf)).map((p) => p.text).join(''));
    expect(text).toContain(a.number);
    expect(text).toContain('鞋子开胶');
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(PHONE);
    // Asked again: nothing of that phone is held any more.
    const again = await dispatch(s.ctx, manager, 'personalData.anonymisePerson', { phone: PHONE, reason: '再次申请' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a bad reason, a bad phone, an unknown phone, an open case (named) and a role that may not', async () => {
    s = openTestStore();
    filedCase(s, Date.parse('2026-06-01T10:00:00+08:00'), { customer: person });
    s.clock.t = T0;
    const open = phoneCase(s, { customer: person });
    const secretary: Session = { user: s.users.secretary };
    const before = s.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    const shortReason = await dispatch(s.ctx, secretary, 'personalData.anonymisePerson', { phone: PHONE, reason: 'x' });
    expect(shortReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badPhone = await dispatch(s.ctx, secretary, 'personalData.anonymisePerson', {
      phone: 'abcde',
      reason: '本人申请',
    });
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await dispatch(s.ctx, secretary, 'personalData.anonymisePerson', {
      phone: '13711112222',
      reason: '本人申请',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: { zh: '本店没有该电话号码的个人信息' } },
    });
    const busy = await dispatch(s.ctx, secretary, 'personalData.anonymisePerson', { phone: PHONE, reason: '本人申请' });
    expect(busy).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(busy)).toContain(open.number);
    for (const user of [s.users.clerk, s.users.staff, s.users.supervisor]) {
      const r = await dispatch(s.ctx, { user }, 'personalData.anonymisePerson', { phone: PHONE, reason: '本人申请' });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Nothing changed by any refusal.
    expect(s.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    expect(s.db.prepare('SELECT count(*) AS n FROM cases WHERE anonymised_at IS NOT NULL').get()).toEqual({ n: 0 });
  });
});
