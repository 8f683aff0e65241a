// The summary's 方案被接受 table (issue 21 §3) for the PDF, CSV and spreadsheet: cases with options offered
// (share of the period's cases), accepted, the first option chosen and none accepted (shares of those
// offered), then each kind chosen (shares of those accepted, kinds never chosen left out). None where the
// summary carries no counts (an older one).
import { OFFER_KIND_LABELS, OFFER_WORDS } from '../shared/i18n/vocabulary-offer';
import { OFFER_KINDS, type OfferSummary } from '../shared/resolution-offer';
import type { Cell, Section } from './report-sections';
import type { ReportText } from './report-text';

const ZH = {
  title: '方案被接受',
  offered: '提供了方案的个案',
  accepted: '顾客接受其中一个方案',
  firstChosen: '选择了首个方案',
  chosenKind: (k: string) => `选择:${k}`,
};
const EN: typeof ZH = {
  title: 'Options accepted',
  offered: 'Cases with options offered',
  accepted: 'The customer accepted one of them',
  firstChosen: 'Chose the first option offered',
  chosenKind: (k: string) => `Chose: ${k}`,
};

export const offerReportText = (lang: ReportText['lang']) => (lang === 'en' ? EN : ZH);

const ratio = (n: number, total: number) => (total === 0 ? 0 : n / total);

export function offerSection(o: OfferSummary | undefined, total: number, t: ReportText): Section[] {
  if (!o) return [];
  const w = offerReportText(t.lang);
  const side = t.lang === 'en' ? 'en' : 'zh';
  const row = (label: string, n: number, of: number): Cell[] => [
    { t: 'text', v: label },
    { t: 'int', v: n },
    { t: 'share', v: ratio(n, of) },
  ];
  return [
    {
      id: 'offers',
      title: w.title,
      columns: [t.summary.item, t.summary.count, t.summary.share],
      rows: [
        row(w.offered, o.offered, total),
        row(w.accepted, o.accepted, o.offered),
        row(w.firstChosen, o.firstChosen, o.offered),
        row(OFFER_WORDS.noneAccepted[side], o.noneAccepted, o.offered),
        ...OFFER_KINDS.filter((k) => o.chosenKinds[k] > 0).map((k) =>
          row(w.chosenKind(OFFER_KIND_LABELS[k][side]), o.chosenKinds[k], o.accepted),
        ),
      ],
    },
  ];
}
