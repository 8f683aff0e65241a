// The record form's 提供给顾客的方案 (issue 21 §3), under the result: each option offered (kind, words, amount)
// with the chosen one's box filled, or 均未接受 with the reason. Printed only when the resolution recorded
// options (the offer is optional). Pure function of its data, like every template.
import { formatYuan } from '../../domain/slips';
import type { ResolutionOffer } from '../../shared/resolution-offer';
import type { FormText } from '../form-text';
import type { Flow } from '../layout';

export function offerTable(f: Flow, offer: ResolutionOffer | null, t: FormText): void {
  if (!offer) return;
  const w = t.offer;
  // The heading stays with the table's head row and first option (never alone at a page's foot).
  f.ensure(72);
  f.text(w.section, f.left, f.y, f.width, { font: 'bold', size: 9 });
  f.y += 14;
  f.table(
    [
      { title: w.cols.n, width: 1 },
      { title: w.cols.kind, width: 3 },
      { title: w.cols.text, width: 7 },
      { title: w.cols.amount, width: 2, align: 'right' },
      { title: w.cols.chosen, width: 2 },
    ],
    offer.options.map((o, i) => [
      String(i + 1),
      w.kind[o.kind],
      o.text ?? '',
      o.amountFen === null ? '' : formatYuan(o.amountFen),
      offer.chosen === i ? `■${w.cols.chosen}` : '□',
    ]),
  );
  if (offer.chosen === null) f.entries([{ head: w.noneAccepted, body: offer.note }], '');
}
