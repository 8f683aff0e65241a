// 方案被接受 (issue 21 §3): of the period's cases resolved with options offered, how many the customer
// accepted one of, how many chose the first option offered (the best solution proposed first), how many
// accepted none, and the kinds chosen. Pure: the branch feeds it the offers of its cases received in the
// period (cases.resolution_offer), head office those of the synced snapshots.
import { OFFER_KINDS, type OfferKind, type OfferSummary, type ResolutionOffer } from '../../shared/resolution-offer';

export function tallyOffers(offers: Iterable<ResolutionOffer | null>): OfferSummary {
  const chosenKinds = Object.fromEntries(OFFER_KINDS.map((k) => [k, 0])) as Record<OfferKind, number>;
  const out: OfferSummary = { offered: 0, accepted: 0, firstChosen: 0, noneAccepted: 0, chosenKinds };
  for (const o of offers) {
    if (!o) continue;
    out.offered++;
    const chosen = o.chosen === null ? undefined : o.options[o.chosen];
    if (!chosen) {
      out.noneAccepted++;
      continue;
    }
    out.accepted++;
    if (o.chosen === 0) out.firstChosen++;
    chosenKinds[chosen.kind]++;
  }
  return out;
}
