// 个人信息查询结果 / Personal data held (issue 20 §3): the person's own copy of what a branch (or head office)
// holds under one phone — heading with the holder, the phone in full and the generation time in the holder's
// zone, then the cases (each a grid and its texts), slips, follow-ups, attachments and unsubmitted forms as
// tables whose head rows repeat; everything continues over pages under the repeated header. Pure (doc, data, text).
import { formatYuan } from '../../domain/slips';
import type { PersonCase, PersonData } from '../../shared/person-data-types';
import { formatInstant } from '../format';
import type { PersonText } from '../form-text-person';
import { Flow } from '../layout';

export interface PersonDataPrintData {
  data: PersonData;
  timeZone: string;
}

const at = (isoText: string | null, tz: string): string => (isoText ? formatInstant(Date.parse(isoText), tz) : '');
const yuan = (fen: number | null): string => (fen === null ? '' : formatYuan(fen));

function header(f: () => Flow, d: PersonDataPrintData, t: PersonText) {
  return (): number => {
    const flow = f();
    flow.text(t.title, flow.left, 30, flow.width, { font: 'bold', size: 17, align: 'center' });
    flow.text(`${t.holder}${t.colon}${d.data.holder.name}(${d.data.holder.code})`, flow.left, 56, 260, { size: 9 });
    flow.text(`${t.phone}${t.colon}${d.data.phone}`, flow.right - 220, 56, 220, {
      size: 9,
      font: 'bold',
      align: 'right',
    });
    return 74;
  };
}

function oneCase(f: Flow, c: PersonCase, d: PersonDataPrintData, t: PersonText): void {
  // A case starts where its first four rows fit: its number never sits alone at a page's foot.
  f.ensure(4 * (f.m.ruledLine + 4));
  const head = [
    { label: t.number, value: c.number, bold: true },
    { label: t.branch, value: c.branch },
    { label: t.receivedAt, value: at(c.receivedAt, d.timeZone) },
    { label: t.filedAt, value: at(c.filedAt, d.timeZone) },
    { label: t.channel, value: t.v.channel[c.channel] },
    { label: t.status, value: t.v.status[c.status] },
    { label: t.category, value: c.categoryName },
    { label: t.matched, value: c.matchedBy.map((m) => t.match[m]).join(t.list) },
  ];
  if (!c.ownCase) {
    f.grid([...head, { label: t.note, value: t.mentioned, wide: true }]);
    f.y += 6;
    return;
  }
  f.grid([
    ...head,
    { label: t.name, value: c.anonymous ? `${c.customerName ?? ''}(${t.anonymous})` : c.customerName },
    { label: t.customerPhone, value: c.customerPhone },
    { label: t.otherContact, value: c.customerOtherContact },
    { label: t.receiptNo, value: c.receiptNo },
    { label: t.items, value: c.purchaseItems.map((i) => `${i.name} ×${i.quantity}`).join('、'), wide: true },
    { label: t.amount, value: yuan(c.purchaseAmountFen) },
    { label: t.resolutionAmount, value: yuan(c.resolutionAmountFen) },
  ]);
  f.textBox(t.content, c.content, { minLines: 1, continued: t.continued });
  if (c.expectedResolution) f.textBox(t.expected, c.expectedResolution, { minLines: 1, continued: t.continued });
  if (c.resolutionSummary) f.textBox(t.resolution, c.resolutionSummary, { minLines: 1, continued: t.continued });
  f.y += 6;
}

const lines = (ls: { name: string; quantity: number }[]): string =>
  ls.map((l) => `${l.name} ×${l.quantity}`).join('、');

/** Invariant: every list of PersonData appears under its own title, "none" when it is empty. */
export function personDataTemplate(doc: PDFKit.PDFDocument, d: PersonDataPrintData, t: PersonText): void {
  const f: Flow = new Flow(doc, {
    paper: 'A4',
    margin: 40,
    footerHeight: 18,
    header: header(() => f, d, t),
    continued: t.continued,
  });
  const data = d.data;
  f.newPage();
  f.text(
    `${t.generatedAt}${t.colon}${formatInstant(Date.parse(data.generatedAt), d.timeZone)}(${d.timeZone})`,
    f.left,
    f.y,
    f.width,
    {
      size: 9,
    },
  );
  f.y += 14;
  f.text(t.intro, f.left, f.y, f.width, { size: 8.5, color: '#333' });
  f.y += f.measure(t.intro, f.width, 8.5) + 4;
  f.text(
    t.counts({
      cases: data.cases.length,
      slips: data.slips.length,
      followUps: data.followUps.length,
      attachments: data.attachments.length,
      drafts: data.drafts.length,
    }),
    f.left,
    f.y,
    f.width,
    { size: 9, font: 'bold' },
  );
  f.y += 16;

  f.sectionTitle(t.cases);
  if (data.cases.length === 0) f.entries([], t.none);
  for (const c of data.cases) oneCase(f, c, d, t);

  f.sectionTitle(t.slips);
  if (data.slips.length === 0) f.entries([], t.none);
  else
    f.table(
      t.slipCols.map((title, i) => ({
        title,
        width: [19, 6, 7, 12, 11, 18, 15, 9][i] ?? 10,
        align: i === 7 ? 'right' : 'left',
      })),
      data.slips.map((s) => [
        s.caseNumber ? `${s.number}\n(${s.caseNumber})` : s.number,
        t.v.slipType[s.type],
        t.v.slipStatus[s.status],
        at(s.handledAt, d.timeZone),
        s.receiptNo,
        lines(s.returnedLines),
        lines(s.issuedLines),
        yuan(s.refundFen),
      ]),
    );

  f.sectionTitle(t.followUps);
  if (data.followUps.length === 0) f.entries([], t.none);
  else
    f.table(
      t.followUpCols.map((title, i) => ({ title, width: [21, 11, 13, 15, 40][i] ?? 10 })),
      data.followUps.map((u) => [
        u.caseNumber,
        u.dueDate,
        at(u.doneAt, d.timeZone),
        u.outcome ? t.v.followUpOutcome[u.outcome] : '',
        [u.note, u.result].filter(Boolean).join(' / '),
      ]),
    );

  f.sectionTitle(t.attachments);
  if (data.attachments.length === 0) f.entries([], t.none);
  else
    f.table(
      t.attachmentCols.map((title, i) => ({
        title,
        width: [20, 10, 22, 11, 8, 13, 13][i] ?? 10,
        align: i === 4 ? 'right' : 'left',
      })),
      data.attachments.map((a) => [
        a.ownerNumber,
        t.v.attachmentKind[a.kind],
        a.name,
        a.mime,
        `${Math.max(1, Math.round(a.size / 1024))} KB`,
        at(a.addedAt, d.timeZone),
        at(a.voidedAt, d.timeZone),
      ]),
    );

  f.sectionTitle(t.drafts);
  if (data.drafts.length === 0) f.entries([], t.none);
  else
    f.table(
      t.draftCols.map((title, i) => ({ title, width: [40, 30, 30][i] ?? 10 })),
      data.drafts.map((x) => [t.form(x.form), x.staffNo, at(x.savedAt, d.timeZone)]),
    );

  f.numberPages(t.page);
}
