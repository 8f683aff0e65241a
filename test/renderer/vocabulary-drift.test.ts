// @vitest-environment jsdom
// One vocabulary: for every value of every enumeration, in both languages, the label the screens
// show (the i18next resources the branch UI and the console load) equals every label print uses
// (form texts, report texts, the report's tables). It reads the built catalogues, not the vocabulary.
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../src-main/domain/case-machine';
import { summarize, periodOfDate } from '../../src-main/domain/summary';
import type { FormText } from '../../src-main/pdf/form-text';
import { reportSections } from '../../src-main/pdf/report-sections';
import { REPORT_TEXT_EN, REPORT_TEXT_ZH, type ReportText } from '../../src-main/pdf/report-text';
import { ATTACHMENT_KINDS } from '../../src-main/shared/attachment-types';
import * as enums from '../../src-main/shared/enums';
import { CLOSINGS, type CaseRef, PERIOD_TYPES, type SummaryReport } from '../../src-main/shared/summary-types';
import { initConsoleI18n } from '../../src-renderer/console/i18n';

type Lang = 'zh-CN' | 'en';
const LANGS: Lang[] = ['zh-CN', 'en'];
const PRINT: Record<Lang, ReportText> = { 'zh-CN': REPORT_TEXT_ZH, en: REPORT_TEXT_EN };

/** Where print names a value: form text, report text, or a report table (undefined = print never shows it). */
type PrintLookup = (
  value: string,
  t: ReportText,
  tables: Map<string, string>,
) => [where: string, label: string | undefined][];

interface EnumCase {
  name: string;
  values: readonly string[];
  /** The i18next key (namespace:path) of a value's label on screen. */
  screen: (value: string) => string;
  print: PrintLookup;
}

const at = <T extends object>(record: T, key: string): string | undefined => {
  const v: unknown = Object.entries(record).find(([k]) => k === key)?.[1];
  return typeof v === 'string' ? v : undefined;
};
const form =
  (pick: (f: FormText) => object, where: string): PrintLookup =>
  (v, t) => [[`form ${where}`, at(pick(t.form), v)]];
const withTable =
  (base: PrintLookup, table: string): PrintLookup =>
  (v, t, tables) => [...base(v, t, tables), [`report table ${table}`, tables.get(`${table}:${v}`)]];

const ENUMS: EnumCase[] = [
  {
    name: 'CHANNELS',
    values: enums.CHANNELS,
    screen: (v) => `translation:channel.${v}`,
    print: withTable(
      withTable(
        form((f) => f.channel, 'channel'),
        'channel',
      ),
      'case.channel',
    ),
  },
  {
    name: 'GOVERNMENT_BODIES',
    values: enums.GOVERNMENT_BODIES,
    screen: (v) => `translation:govBody.${v}`,
    print: form((f) => f.govBody, 'govBody'),
  },
  {
    name: 'BODY_ANSWERS',
    values: enums.BODY_ANSWERS,
    screen: (v) => `translation:bodyAnswer.${v}`,
    print: form((f) => f.bodyAnswer, 'bodyAnswer'),
  },
  {
    name: 'CASE_STATUSES',
    values: enums.CASE_STATUSES,
    screen: (v) => `translation:status.${v}`,
    print: form((f) => f.status, 'status'),
  },
  {
    name: 'SEVERITIES',
    values: enums.SEVERITIES,
    screen: (v) => `translation:severity.${v}`,
    print: form((f) => f.severity, 'severity'),
  },
  {
    name: 'RESOLUTION_TYPES',
    values: enums.RESOLUTION_TYPES,
    screen: (v) => `translation:resolution.${v}`,
    print: withTable(
      form((f) => f.resolution, 'resolution'),
      'case.resolution',
    ),
  },
  {
    name: 'SATISFACTIONS',
    values: enums.SATISFACTIONS,
    screen: (v) => `translation:satisfaction.${v}`,
    print: withTable(
      form((f) => f.satisfaction, 'satisfaction'),
      'satisfaction',
    ),
  },
  {
    name: 'ESCALATION_KINDS',
    values: enums.ESCALATION_KINDS,
    screen: (v) => `translation:escalation.${v}`,
    print: withTable(
      form((f) => f.escalation, 'escalation'),
      'disputes',
    ),
  },
  {
    name: 'CAUSES',
    values: enums.CAUSES,
    screen: (v) => `translation:cause.${v}`,
    print: form((f) => f.cause, 'cause'),
  },
  {
    name: 'FINDINGS',
    values: enums.FINDINGS,
    screen: (v) => `translation:finding.${v}`,
    print: withTable(
      withTable(
        form((f) => f.finding, 'finding'),
        'findings',
      ),
      'case.finding',
    ),
  },
  {
    name: 'FOLLOW_UP_OUTCOMES',
    values: enums.FOLLOW_UP_OUTCOMES,
    screen: (v) => `translation:followUpOutcome.${v}`,
    print: (v, t, tables) => [
      ...form((f) => f.followUpOutcome, 'followUpOutcome')(v, t, tables),
      ['report followUps', at(t.summary.followUps, v)],
    ],
  },
  {
    name: 'FILING_REASONS',
    values: enums.FILING_REASONS,
    screen: (v) => `translation:filingReason.${v}`,
    print: form((f) => f.filingReason, 'filingReason'),
  },
  {
    name: 'COMPLAINANT_SIGNS',
    values: enums.COMPLAINANT_SIGNS,
    screen: (v) => `translation:crossBranch.sign.${v}`,
    print: () => [],
  },
  {
    name: 'ATTACHMENT_KINDS',
    values: ATTACHMENT_KINDS,
    screen: (v) => `translation:attach.kindLabel.${v}`,
    print: form((f) => f.attachments.kind, 'attachments.kind'),
  },
  { name: 'ROLES', values: enums.ROLES, screen: (v) => `translation:role.${v}`, print: () => [] },
  { name: 'QUEUES', values: enums.QUEUES, screen: (v) => `translation:queue.${v}`, print: () => [] },
  { name: 'CASE_ACTIONS', values: enums.CASE_ACTIONS, screen: (v) => `translation:action.${v}`, print: () => [] },
  {
    name: 'CASE_EVENT_KINDS',
    values: enums.CASE_EVENT_KINDS,
    screen: (v) => `translation:event.${v}`,
    print: form((f) => f.record.event, 'record.event'),
  },
  {
    name: 'SLIP_TYPES',
    values: enums.SLIP_TYPES,
    screen: (v) => `translation:slip.${v}`,
    print: form((f) => f.slip, 'slip'),
  },
  {
    name: 'SLIP_STATUSES',
    values: enums.SLIP_STATUSES,
    screen: (v) => `translation:slipStatus.${v}`,
    print: (v, t) => [
      ['form slip.pendingApproval', v === 'pending_approval' ? t.form.slip.pendingApproval : undefined],
    ],
  },
  {
    name: 'SETTLEMENT_STATUSES',
    values: enums.SETTLEMENT_STATUSES,
    screen: (v) => (v === 'settled' ? 'settled' : `translation:slip.${v}`),
    print: form((f) => f.slip, 'slip'),
  },
  {
    name: 'REFUND_METHODS',
    values: enums.REFUND_METHODS,
    screen: (v) => `translation:refundMethod.${v}`,
    print: form((f) => f.refundMethod, 'refundMethod'),
  },
  {
    // 收款方式 is a refund method that can take money in: the same labels.
    name: 'PAYMENT_METHODS',
    values: enums.PAYMENT_METHODS,
    screen: (v) => `translation:refundMethod.${v}`,
    print: form((f) => f.refundMethod, 'refundMethod'),
  },
  {
    name: 'SLIP_REASONS',
    values: enums.SLIP_REASONS,
    screen: (v) => `translation:slipReason.${v}`,
    print: form((f) => f.slipReason, 'slipReason'),
  },
  {
    name: 'CLOSINGS',
    values: CLOSINGS,
    screen: (v) => `translation:reports.summary.closing.${v}`,
    print: withTable((v, t) => [['report closing', at(t.summary.closing, v)]], 'closing'),
  },
  {
    name: 'YES_NO',
    values: ['yes', 'no'],
    screen: (v) => `translation:yesNo.${v}`,
    print: (v, t) => [['form yes/no', v === 'yes' ? t.form.yes : t.form.no]],
  },
];

/** Enumerations no screen or print names (nothing to keep in step). */
const UNLABELLED = new Set(['SIGN_OFF_POLICIES']);

/** Each table row's label by `section:value`, from the report's real table model over every value. */
function reportTables(t: ReportText): Map<string, string> {
  const TZ = 'Asia/Shanghai';
  const summary = summarize([], periodOfDate('month', '2026-11-15', TZ), []);
  const n = Math.max(enums.CHANNELS.length, enums.FINDINGS.length, enums.RESOLUTION_TYPES.length);
  const refs: CaseRef[] = Array.from({ length: n }, (_, i) => ({
    caseId: `c${i}`,
    number: `N${i}`,
    receivedAt: 0,
    channel: enums.CHANNELS[i % enums.CHANNELS.length] ?? 'other',
    categoryCode: 'price',
    complainedUnitId: null,
    finding: enums.FINDINGS[i % enums.FINDINGS.length] ?? null,
    resolutionType: enums.RESOLUTION_TYPES[i % enums.RESOLUTION_TYPES.length] ?? null,
    disputed: false,
    escalated: true,
  }));
  const report: SummaryReport = {
    summary: { ...summary, attention: refs, attentionTotal: refs.length },
    branch: { code: 'SH01', name: '上海一店' },
    timeZone: TZ,
    generatedAt: 0,
    names: { categories: {}, units: {} },
  };
  const labels = new Map<string, string>();
  const sections = reportSections(report, t);
  const rowsOf = (id: string) => sections.find((s) => s.id === id)?.rows ?? [];
  const textOf = (c: { t: string; v?: unknown } | undefined): string =>
    c && c.t === 'text' && typeof c.v === 'string' ? c.v : '';
  const byRow = (id: string, values: readonly string[], label: (row: string) => string) =>
    rowsOf(id).forEach((row, i) => {
      const v = values[i];
      if (v !== undefined) labels.set(`${id}:${v}`, label(textOf(row[0])));
    });
  byRow(
    'channel',
    summary.byChannel.map((r) => r.key),
    (x) => x,
  );
  byRow('closing', CLOSINGS, (x) => x);
  byRow('satisfaction', enums.SATISFACTIONS, (x) => x);
  byRow('findings', enums.FINDINGS, (x) => x);
  // Disputed, escalated, then "escalated: <kind>" per kind.
  byRow('disputes', ['', '', ...Object.keys(summary.escalationsByKind)], (x) =>
    x.slice(`${t.summary.escalated}:`.length),
  );
  for (const [i, row] of rowsOf('attention').entries()) {
    const ref = refs[i];
    if (!ref) continue;
    labels.set(`case.channel:${ref.channel}`, textOf(row[2]));
    if (ref.finding) labels.set(`case.finding:${ref.finding}`, textOf(row[5]));
    if (ref.resolutionType) labels.set(`case.resolution:${ref.resolutionType}`, textOf(row[6]));
  }
  return labels;
}

const screens: Partial<Record<Lang, TFunction>> = {};
const screenT = (lang: Lang): TFunction => {
  const t = screens[lang];
  if (!t) throw new Error(`no catalogue for ${lang}`);
  return t;
};

beforeAll(async () => {
  const i = await initConsoleI18n('zh-CN');
  for (const lang of LANGS) screens[lang] = i.getFixedT(lang);
});

describe('one vocabulary: screen and print name every enum value alike', () => {
  it('covers every enumeration of shared/enums.ts', () => {
    const lists = Object.entries(enums).filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
    const covered = new Set(ENUMS.map((e) => e.name));
    expect(lists.map(([k]) => k).filter((k) => !covered.has(k) && !UNLABELLED.has(k))).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`labels every value the same on screen and in print (${lang})`, () => {
      const t = screenT(lang);
      const print = PRINT[lang];
      const tables = reportTables(print);
      const drift: string[] = [];
      for (const e of ENUMS) {
        for (const v of e.values) {
          const key = e.screen(v);
          // Settled is shown on screen only with its date: "已结算(2026-11-30)".
          const shown =
            key === 'settled'
              ? t('translation:slip.settledOn', { date: '' })
                  .replace(/[((].*$/, '')
                  .trim()
              : t(key);
          if (!shown || shown === key || shown === key.split(':').pop())
            drift.push(`${e.name}.${v}: no screen label (${key})`);
          for (const [where, printed] of e.print(v, print, tables)) {
            if (printed !== undefined && printed !== shown)
              drift.push(`${e.name}.${v}: screen "${shown}" ≠ ${where} "${printed}"`);
          }
        }
      }
      expect(drift).toEqual([]);
    });

    it(`shows the refusal messages' status names and the console's period names as the screens do (${lang})`, () => {
      const t = screenT(lang);
      for (const s of enums.CASE_STATUSES)
        expect(lang === 'en' ? STATUS_LABELS[s].en : STATUS_LABELS[s].zh).toBe(t(`translation:status.${s}`));
      for (const p of PERIOD_TYPES) expect(t(`console:summary.${p}`)).toBe(t(`translation:reports.${p}`));
    });
  }

  it('prints each channel and closing class in the report tables (the lookup above is not empty)', () => {
    const tables = reportTables(REPORT_TEXT_ZH);
    for (const c of enums.CHANNELS) expect(tables.get(`channel:${c}`)).toBeTruthy();
    for (const c of CLOSINGS) expect(tables.get(`closing:${c}`)).toBeTruthy();
    for (const k of enums.ESCALATION_KINDS) expect(tables.get(`disputes:${k}`)).toBeTruthy();
    for (const c of enums.CHANNELS) expect(tables.get(`case.channel:${c}`)).toBeTruthy();
  });
});
