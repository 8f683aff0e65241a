// Offering choices (issue 21 §3): the resolution records the options offered and the one the customer chose,
// on the case, its timeline, the audit log and the synced snapshot; every refusal on its field, nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import { applyInstruction, recordFinding } from '../../src-main/services/case-details';
import { fileCase, forwardCase, recordFeedback, resolveCase, submitCase } from '../../src-main/services/case-workflow';
import { anonymise } from '../../src-main/services/anonymise';
import { getCase } from '../../src-main/services/case-read';
import { authorOf } from '../../src-main/services/case-store';
import { auditChanges } from '../../src-main/shared/audit-words';
import { AppError } from '../../src-main/shared/errors';
import { offerOfJson } from '../../src-main/shared/resolution-offer';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

function inProgress(): string {
  const c = phoneCase(s);
  forwardCase(s.ctx, s.users.manager, { caseId: c.id, handlingUnitId: s.units.shoes });
  return c.id;
}

/** The refusal's fields and their Chinese words; the case is left as it was. */
function refusal(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return Object.fromEntries(e.issues.map((i) => [i.field, i.message.zh]));
    throw e;
  }
  throw new Error('not refused');
}

const OFFER = {
  options: [
    { kind: 'exchange', text: '换同款 39 码' },
    { kind: 'partial_refund', amountFen: '¥120.50' },
    { kind: 'gift', text: '赠送护理套装', amountFen: 3_000 },
  ],
  chosen: 1,
  note: '',
};

describe('resolve with the options offered', () => {
  it('keeps the options and the chosen one on the case, the timeline, the audit log and the snapshot', () => {
    s = openTestStore();
    const id = inProgress();
    const r = resolveCase(s.ctx, s.users.staff, {
      caseId: id,
      type: 'refund',
      summary: '顾客选择部分退款',
      amountFen: 12_050,
      offer: OFFER,
    });
    const stored = {
      options: [
        { kind: 'exchange', text: '换同款 39 码', amountFen: null },
        { kind: 'partial_refund', text: null, amountFen: 12_050 },
        { kind: 'gift', text: '赠送护理套装', amountFen: 3_000 },
      ],
      chosen: 1,
      note: null,
    };
    expect(r.resolutionOffer).toEqual(stored);
    expect(getCase(s.ctx, s.users.manager, { caseId: id }).resolutionOffer).toEqual(stored);
    expect(r.events.at(-1)).toMatchObject({ kind: 'resolve', data: { offer: stored } });
    const audit = s.db.prepare("SELECT before, after FROM audit_log WHERE action = 'case.resolve'").get() as {
      before: string;
      after: string;
    };
    expect(JSON.parse(audit.after).resolutionOffer).toEqual(stored);
    // The audit trail words it (history, console), never as raw JSON.
    const words = (lang: 'zh' | 'en') =>
      auditChanges('case', JSON.parse(audit.before), JSON.parse(audit.after), {
        lang,
        time: String,
        name: () => null,
        money: (fen) => `¥${(fen / 100).toFixed(2)}`,
      }).find((c) => c.label === (lang === 'zh' ? '提供给顾客的方案' : 'Options offered to the customer'));
    expect(words('zh')).toEqual({
      label: '提供给顾客的方案',
      before: '（无）',
      after: '换货 · 换同款 39 码;部分退款 · ¥120.50(顾客选择);赠品或礼品 · 赠送护理套装 · ¥30.00',
    });
    expect(words('en')?.after).toBe(
      'Exchange · 换同款 39 码; Partial refund · ¥120.50(Chosen); Gift or goods · 赠送护理套装 · ¥30.00',
    );
    const snap = s.db
      .prepare("SELECT payload FROM outbox WHERE record_type = 'case' ORDER BY seq DESC LIMIT 1")
      .get() as { payload: string };
    // The snapshot leaves nulls out (snapshotJson); head office reads it back through the same shape.
    const synced = JSON.parse(snap.payload).resolutionOffer;
    expect(synced).toEqual({
      options: [
        { kind: 'exchange', text: '换同款 39 码' },
        { kind: 'partial_refund', amountFen: 12_050 },
        OFFER.options[2],
      ],
      chosen: 1,
    });
    expect(offerOfJson(synced)).toEqual(stored);
  });

  it('records "none accepted" with its note, and no offer at all when no option is given', () => {
    s = openTestStore();
    const none = inProgress();
    const r = resolveCase(s.ctx, s.users.staff, {
      caseId: none,
      type: 'explanation',
      summary: '已解释政策',
      offer: {
        options: [{ kind: 'repair' }, { kind: 'discount', amountFen: '50' }],
        chosen: 'none',
        note: '顾客要求全额退款',
      },
    });
    expect(r.resolutionOffer).toEqual({
      options: [
        { kind: 'repair', text: null, amountFen: null },
        { kind: 'discount', text: null, amountFen: 5_000 },
      ],
      chosen: null,
      note: '顾客要求全额退款',
    });
    const plain = inProgress();
    expect(resolveCase(s.ctx, s.users.staff, { caseId: plain, type: 'apology', summary: '道歉' }).resolutionOffer).toBe(
      null,
    );
    const empty = inProgress();
    expect(
      resolveCase(s.ctx, s.users.staff, { caseId: empty, type: 'apology', summary: '道歉', offer: { options: [] } })
        .resolutionOffer,
    ).toBe(null);
  });

  it('refuses in words on the field, and writes nothing', () => {
    s = openTestStore();
    const id = inProgress();
    const base = { caseId: id, type: 'explanation' as const, summary: '解释' };
    const resolve = (offer: unknown) => () => resolveCase(s.ctx, s.users.staff, { ...base, offer });
    // The chosen one is not among those offered.
    expect(refusal(resolve({ options: [{ kind: 'repair' }], chosen: 3 }))).toEqual({
      'offer.chosen': '顾客的选择:须是提供的方案之一',
    });
    // A choice with no option, and options with no choice.
    expect(refusal(resolve({ options: [], chosen: 0 }))).toEqual({
      'offer.chosen': '顾客的选择:须先添加至少一个提供的方案',
    });
    expect(refusal(resolve({ options: [{ kind: 'repair' }] }))).toEqual({
      'offer.chosen': '顾客的选择:请标出顾客选择的方案,或选“均未接受”',
    });
    // An empty option (no kind), an amount as nobody writes it.
    expect(refusal(resolve({ options: [{ kind: '' }, { kind: 'refund', amountFen: '12,00' }], chosen: 0 }))).toEqual({
      'offer.options.0.kind': '方案类型:请选择',
      'offer.options.1.amountFen': '方案金额:请输入金额,如 1200 或 1200.50',
    });
    // An "other" with no words, an amount on an apology, a discount without its amount.
    expect(
      refusal(
        resolve({
          options: [{ kind: 'other', text: '  ' }, { kind: 'apology', amountFen: '10' }, { kind: 'discount' }],
          chosen: 0,
        }),
      ),
    ).toEqual({
      'offer.options.0.text': '方案内容:“其他”方案须写明内容',
      'offer.options.1.amountFen': '方案金额:此类方案没有金额',
      'offer.options.2.amountFen': '方案金额:须填写金额',
    });
    // Six options; none accepted without a reason.
    expect(refusal(resolve({ options: Array(6).fill({ kind: 'repair' }), chosen: 0 }))).toEqual({
      'offer.options': '提供的方案:不能超过 5 项',
    });
    expect(refusal(resolve({ options: [{ kind: 'repair' }], chosen: 'none' }))).toEqual({
      'offer.note': '未接受原因:均未接受时须写明原因',
    });
    const c = getCase(s.ctx, s.users.manager, { caseId: id });
    expect(c).toMatchObject({ status: 'in_progress', resolutionOffer: null });
  });

  it('is refused on a filed case, whoever asks', () => {
    s = openTestStore();
    const { secretary, clerk } = s.users;
    const id = inProgress();
    resolveCase(s.ctx, s.users.staff, { caseId: id, type: 'apology', summary: '道歉' });
    recordFinding(s.ctx, secretary, { caseId: id, cause: 'staff', finding: 'founded' });
    recordFeedback(s.ctx, secretary, { caseId: id, satisfaction: 'satisfied', disputed: false });
    submitCase(s.ctx, secretary, { caseId: id });
    applyInstruction(s.ctx, {
      instructionId: '01936f5e-0000-7000-8000-0000000000e1',
      caseId: id,
      text: '同意,建档。',
      reviewerName: '部本部 周经理',
      instructedAt: new Date(s.clock.t).toISOString(),
    });
    expect(fileCase(s.ctx, secretary, { caseId: id }).status).toBe('filed');
    const offer = { options: [{ kind: 'gift', amountFen: 2_000 }], chosen: 0 };
    for (const who of [clerk, secretary]) {
      expect(() => resolveCase(s.ctx, who, { caseId: id, type: 'gift', summary: '补送赠品', offer })).toThrow(AppError);
    }
    expect(getCase(s.ctx, s.users.manager, { caseId: id })).toMatchObject({ status: 'filed', resolutionOffer: null });
  });

  it("is anonymised with the case: the customer's name and phone typed into an option are redacted, its shape kept", () => {
    s = openTestStore();
    const id = inProgress();
    resolveCase(s.ctx, s.users.staff, {
      caseId: id,
      type: 'gift',
      summary: '赠送礼品',
      offer: { options: [{ kind: 'gift', text: '张三 13800138000 到店领取', amountFen: 2_000 }], chosen: 0 },
    });
    anonymise(s.ctx, authorOf(s.users.manager), { caseIds: [id], slipIds: [], reason: 'person_request' });
    const offer = getCase(s.ctx, s.users.manager, { caseId: id }).resolutionOffer;
    expect(offer).toMatchObject({ options: [{ kind: 'gift', amountFen: 2_000 }], chosen: 0 });
    expect(offer?.options[0]?.text).not.toMatch(/张三|13800138000/);
  });
});
